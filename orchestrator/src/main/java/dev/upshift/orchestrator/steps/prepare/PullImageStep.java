package dev.upshift.orchestrator.steps.prepare;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ImagePulled;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ImageInfo;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 2.2: the target image is on the engine before the downtime starts (the runbook pulled it beforehand too). */
@Component
public class PullImageStep implements StepExecutor {

    private final StackAccess stack;

    public PullImageStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.PULL_IMAGE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerEngine engine = stack.engine(plan);
        boolean pulled = false;
        if (engine.image(plan.targetImage()).isEmpty()) {
            engine.pull(plan.targetImage());
            pulled = true;
        }
        ImageInfo image = engine.image(plan.targetImage()).orElseThrow(() -> new StepFailure(
                "the target image " + plan.targetImage() + " is not on the engine and could not be pulled"));
        return new ImagePulled(history.upgradeId(), step, plan.targetImage(), image.id(), pulled);
    }
}
