package dev.upshift.orchestrator.steps.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ComposeFileReverted;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** R: the compose file is again, byte for byte, the copy kept at 2.1 (the copy stays, for the record). */
@Component
public class RevertComposeFileStep implements StepExecutor {

    @Override
    public StepKind kind() {
        return StepKind.REVERT_COMPOSE_FILE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        Path file = Path.of(plan.composeFile());
        Path original = file.resolveSibling(file.getFileName() + ".pre-" + history.upgradeId());
        if (!Files.exists(original)) {
            throw new StepFailure("the copy of the original compose file, " + original + ", is gone");
        }
        try {
            if (Files.mismatch(file, original) != -1) {
                Files.copy(original, file.toRealPath(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot revert " + file, e);
        }
        return new ComposeFileReverted(history.upgradeId(), step, file.toString());
    }
}
