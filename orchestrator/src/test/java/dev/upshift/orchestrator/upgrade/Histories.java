package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;

import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.DependentsStopped;
import dev.upshift.orchestrator.api.events.DowntimeApproved;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.RunStarted;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradePlanned;

/** Histories of the sample upgrade for the aggregate's tests, as the aggregate records them. */
final class Histories {

    static final Runbook RUNBOOK = Runbook.of(SamplePlans.makapix());
    /** A process other than the sample's runner. */
    static final String OTHER = "bob, pid 7 on db-host-2";
    /** 3.1's fence: the baseline's row counts, as the sample's worker is stopped. */
    static final DatabaseFenced FENCED = new DatabaseFenced(UPGRADE_ID, step("3.1"), -1, 0, SamplePlans.baseline().tables(), 1_204_311L);

    private Histories() {
    }

    static Step step(String number) {
        return step(RUNBOOK, number);
    }

    static Step step(Runbook runbook, String number) {
        return runbook.steps().stream().filter(step -> step.number().equals(number)).findFirst().orElseThrow();
    }

    static List<Object> planned() {
        return new ArrayList<>(List.of(new UpgradePlanned(UPGRADE_ID, SamplePlans.makapix())));
    }

    /** A stand-alone pre-flight that passed: no run under way. */
    static List<Object> preflightPassed() {
        List<Step> checks = RUNBOOK.inPhase(Phase.PREFLIGHT);
        return history(checks.get(checks.size() - 1), false, false);
    }

    /** A run that completed every step before the given one, which is in progress. */
    static List<Object> running(Step inProgress) {
        List<Object> history = completedUpTo(RUNBOOK.steps().get(RUNBOOK.steps().indexOf(inProgress) - 1), true);
        history.add(new StepStarted(UPGRADE_ID, inProgress));
        return history;
    }

    static List<Object> completedUpTo(Step last, boolean approved) {
        return history(SamplePlans.makapix(), last, true, approved);
    }

    /** A run of this plan (another method's), each step up to the given one started and completed. */
    static List<Object> completedUpTo(UpgradePlan plan, Step last, boolean approved) {
        return history(plan, last, true, approved);
    }

    static List<Object> history(Step last, boolean run, boolean approved) {
        return history(SamplePlans.makapix(), last, run, approved);
    }

    /** Each step started and completed; the outcome's type does not matter to the rules, only its step. */
    private static List<Object> history(UpgradePlan plan, Step last, boolean run, boolean approved) {
        Runbook runbook = Runbook.of(plan);
        List<Object> history = new ArrayList<>(List.of(new UpgradePlanned(UPGRADE_ID, plan)));
        if (run) {
            history.add(new RunStarted(UPGRADE_ID, RUNNER, null));
        }
        history.add(new PreflightStarted(UPGRADE_ID, RUNNER));
        if (approved) {
            history.add(new DowntimeApproved(UPGRADE_ID));
        }
        for (Step step : runbook.steps().subList(0, runbook.steps().indexOf(last) + 1)) {
            history.add(new StepStarted(UPGRADE_ID, step));
            if (step.kind() == StepKind.STOP_DEPENDENTS) {
                history.add(FENCED);
            }
            history.add(outcome(step));
            if (runbook.isLastOf(Phase.PREFLIGHT, step)) {
                history.add(new PreflightPassed(UPGRADE_ID));
            }
        }
        return history;
    }

    /** A run whose step failed and whose automatic rollback, of these inverse steps, has started the first. */
    static List<Object> rollingBack(Step failed, Step... inverse) {
        List<Object> history = running(failed);
        history.add(new StepFailed(UPGRADE_ID, failed, "it failed"));
        history.add(new RollbackInitiated(UPGRADE_ID, "step " + failed.number() + " failed", failed, "quick", true,
                List.of(inverse), RUNNER));
        history.add(new StepStarted(UPGRADE_ID, inverse[0]));
        return history;
    }

    /** The baseline of 0.1, which the verdicts judge by; for the other steps any outcome will do: the aggregate reads only its step. */
    static StepOutcome outcome(Step step) {
        return step.kind() == StepKind.INSPECT ? new BaselineCaptured(UPGRADE_ID, step, SamplePlans.baseline())
                : new DependentsStopped(UPGRADE_ID, step, List.of());
    }
}
