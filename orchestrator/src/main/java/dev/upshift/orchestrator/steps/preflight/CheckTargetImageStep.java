package dev.upshift.orchestrator.steps.preflight;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ImageInfo;
import dev.upshift.orchestrator.steps.ComposeDataLayout;
import dev.upshift.orchestrator.steps.EnvFile;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 0.4: the target image is here, its server is a newer major version than the source's, and it ships every
 * extension the database uses; where it keeps its data (PGDATA and VOLUME) is recorded for 2.1. It asks a throwaway
 * container of the image, so the stack is not touched.
 */
@Component
public class CheckTargetImageStep implements StepExecutor {

    private static final Pattern SERVER_VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");
    /** Where Debian's packages and the official image keep extension control files. */
    private static final String PROBE = "postgres --version; ls /usr/share/postgresql/*/extension "
            + "/usr/local/share/postgresql/extension 2>/dev/null; true";

    private final StackAccess stack;
    private final ComposeFile composeFile;

    public CheckTargetImageStep(StackAccess stack, ComposeFile composeFile) {
        this.stack = stack;
        this.composeFile = composeFile;
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
        DataLayout dataLayout = image.dataLayout().orElse(null);
        requireNoPgdataLeftBehind(plan, engine, dataLayout);
        return new CompatibilityChecked(history.upgradeId(), step, plan.targetImage(), image.id(),
                version.group(0).replace("(PostgreSQL) ", ""), used, dataLayout);
    }

    /**
     * Where 2.1 will move the data volume's mount (18+), a PGDATA the compose file sets would still point into the
     * old layout, and the next {@code docker compose up} would start an empty cluster there. Upshift does not
     * rewrite it; one that is the old image's own default can go, the old server unchanged by it.
     */
    private void requireNoPgdataLeftBehind(UpgradePlan plan, ContainerEngine engine, DataLayout target) {
        ComposeProject compose = composeFile.read(Path.of(plan.composeFile()));
        DataLayout current = ComposeDataLayout.of(compose, plan);
        String dataDirectory = compose.service(plan.service()).map(EnvFile::environmentOf)
                .map(environment -> environment.get("PGDATA")).orElse(null);
        if (dataDirectory == null || !current.on(target).movesMountFrom(current)) {
            return;
        }
        boolean oldDefault = engine.image(plan.sourceImage()).flatMap(ImageInfo::dataLayout)
                .filter(layout -> layout.dataDirectory().equals(dataDirectory)).isPresent();
        throw new StepFailure("the compose file sets PGDATA=" + dataDirectory + " for service " + plan.service() + "; "
                + plan.targetImage() + " keeps its cluster in " + target.dataDirectory() + " under one mount at "
                + target.mountTarget() + ", where Upshift moves the data volume, and Upshift does not rewrite PGDATA: "
                + (oldDefault ? "remove it (it is " + plan.sourceImage() + "'s own default), then run preflight again"
                        : "move this cluster to the new layout by hand"));
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("no output");
    }
}
