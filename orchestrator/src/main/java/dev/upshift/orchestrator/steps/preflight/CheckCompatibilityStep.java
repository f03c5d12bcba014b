package dev.upshift.orchestrator.steps.preflight;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.DatabaseCompatibility;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepReport;
import dev.upshift.orchestrator.api.TargetImageContents;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 0.5: reads what the upgrade must be compatible with from the live old server (one read-only transaction), takes
 * what the target image ships from 0.4's listing (the image is not run twice), and reports both; the aggregate's
 * compatibility checks judge them. Nothing in the stack is touched.
 */
@Component
public class CheckCompatibilityStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseInspector inspector;

    public CheckCompatibilityStep(StackAccess stack, DatabaseInspector inspector) {
        this.stack = stack;
        this.inspector = inspector;
    }

    @Override
    public StepKind kind() {
        return StepKind.COMPATIBILITY;
    }

    @Override
    public StepReport execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        TargetImageContents target = history.required(CompatibilityChecked.class).contents()
                .orElseThrow(() -> new StepFailure("0.4 did not list what the target image ships (an earlier Upshift "
                        + "ran it); run preflight again"));
        DatabaseCompatibility database = inspector.compatibility(stack.database(plan));
        return new CompatibilityObserved(history.upgradeId(), step, database, target);
    }
}
