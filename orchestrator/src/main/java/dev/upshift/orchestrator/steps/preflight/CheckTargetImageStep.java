package dev.upshift.orchestrator.steps.preflight;

import java.nio.file.Path;
import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.TargetImageContents;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.StepOutcome;
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
 * extension the database uses; where it keeps its data (PGDATA and VOLUME) is recorded for 2.1, and what it ships
 * (the {@link TargetImageProbe}'s listing) for 0.5 to judge. One throwaway container of the image answers, so the
 * stack is not touched.
 */
@Component
public class CheckTargetImageStep implements StepExecutor {

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
        TargetImageContents target = TargetImageProbe.run(engine, plan.targetImage());
        if (target.majorVersion() <= baseline.majorVersion()) {
            throw new StepFailure("the target image runs PostgreSQL " + target.majorVersion() + ", not newer than the "
                    + "source's " + baseline.majorVersion() + "; choose an image of a later major version");
        }
        List<String> used = baseline.extensions().stream().map(Baseline.ExtensionVersion::name).toList();
        List<String> missing = used.stream()
                .filter(extension -> !target.extensionFiles().contains(extension + ".control")).toList();
        if (!missing.isEmpty()) {
            throw new StepFailure("the target image lacks extensions the database uses: " + String.join(", ", missing));
        }
        DataLayout dataLayout = image.dataLayout().orElse(null);
        requireNoPgdataLeftBehind(plan, engine, dataLayout);
        return new CompatibilityChecked(history.upgradeId(), step, plan.targetImage(), image.id(),
                target.serverVersion(), used, dataLayout, target.libcVersion(), target.libraries(),
                target.extensionFiles(), target.locales());
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
}
