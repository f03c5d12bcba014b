package dev.upshift.orchestrator.steps.execute;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.VersionVerified;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.ports.DatabaseInspector.ServerVersion;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 3.6: the server answering on the database service is the planned major version. */
@Component
public class VerifyVersionStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseInspector inspector;

    public VerifyVersionStep(StackAccess stack, DatabaseInspector inspector) {
        this.stack = stack;
        this.inspector = inspector;
    }

    @Override
    public StepKind kind() {
        return StepKind.VERIFY_VERSION;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        int planned = Integer.parseInt(history.required(CompatibilityChecked.class).serverVersion().split("\\.")[0]);
        // the version alone: the integrity step that follows counts every table anyway
        ServerVersion server = inspector.serverVersion(stack.database(history.plan()));
        if (server.major() != planned) {
            throw new StepFailure("the database service runs PostgreSQL " + server.version() + ", not " + planned);
        }
        return new VersionVerified(history.upgradeId(), step, server.version(), server.major());
    }
}
