package dev.upshift.orchestrator.steps;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepReport;

/**
 * Performs one kind of runbook step. Every executor looks at the world before it acts, so running it again
 * after a crash finishes or redoes the step without doing anything twice.
 */
public interface StepExecutor {

    StepKind kind();

    /**
     * @param progress where the step records what it observes before it completes
     * @return the step's outcome, or what it observed for the aggregate to judge
     * @throws StepFailure when the step cannot complete; the message is what the execution log shows
     */
    StepReport execute(Step step, UpgradeHistory history, Progress progress);
}
