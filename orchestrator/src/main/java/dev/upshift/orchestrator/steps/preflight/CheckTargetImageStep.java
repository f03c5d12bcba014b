package dev.upshift.orchestrator.steps.preflight;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ImageInfo;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 0.4: the target image is here, its server is a newer major version than the source's, and it ships every
 * extension the database uses. It asks a throwaway container of the image, so the stack is not touched.
 */
@Component
public class CheckTargetImageStep implements StepExecutor {

    private static final Pattern SERVER_VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");
    /** Where Debian's packages and the official image keep extension control files. */
    private static final String PROBE = "postgres --version; ls /usr/share/postgresql/*/extension "
            + "/usr/local/share/postgresql/extension 2>/dev/null; true";

    private final StackAccess stack;

    public CheckTargetImageStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.TARGET_COMPATIBILITY;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerEngine engine = stack.engine(plan);
        Baseline baseline = history.baseline().orElseThrow(() -> new StepFailure("no baseline: step 0.1 has not run"));
        ImageInfo image = engine.image(plan.targetImage()).orElseThrow(() -> new StepFailure("the target image "
                + plan.targetImage() + " is not present on the engine; pull or build it, then run preflight again"));
        CommandResult probe = engine.runOnce(plan.targetImage(), List.of("sh", "-c", PROBE));
        Matcher version = SERVER_VERSION.matcher(probe.stdout());
        if (!version.find()) {
            throw new StepFailure("the target image " + plan.targetImage() + " has no PostgreSQL server: "
                    + firstLine(probe.stdout() + probe.stderr()));
        }
        int targetMajor = Integer.parseInt(version.group(1));
        if (targetMajor <= baseline.majorVersion()) {
            throw new StepFailure("the target image runs PostgreSQL " + targetMajor + ", not newer than the source's "
                    + baseline.majorVersion() + "; choose an image of a later major version");
        }
        Set<String> shipped = Arrays.stream(probe.stdout().split("\\R"))
                .filter(line -> line.endsWith(".control"))
                .map(line -> line.substring(0, line.length() - ".control".length()))
                .collect(Collectors.toSet());
        List<String> used = baseline.extensions().stream().map(Baseline.ExtensionVersion::name).toList();
        List<String> missing = used.stream().filter(extension -> !shipped.contains(extension)).toList();
        if (!missing.isEmpty()) {
            throw new StepFailure("the target image lacks extensions the database uses: " + String.join(", ", missing));
        }
        return new CompatibilityChecked(history.upgradeId(), step, plan.targetImage(), image.id(),
                version.group(0).replace("(PostgreSQL) ", ""), used);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("no output");
    }
}
