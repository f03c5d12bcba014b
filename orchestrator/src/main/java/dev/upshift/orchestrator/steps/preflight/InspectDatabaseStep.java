package dev.upshift.orchestrator.steps.preflight;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 0.1: captures the baseline the integrity check will compare against. Reads only. */
@Component
public class InspectDatabaseStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseInspector inspector;

    public InspectDatabaseStep(StackAccess stack, DatabaseInspector inspector) {
        this.stack = stack;
        this.inspector = inspector;
    }

    @Override
    public StepKind kind() {
        return StepKind.INSPECT;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        return new BaselineCaptured(history.upgradeId(), step, inspector.inspect(stack.database(history.plan())));
    }
}
