package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;
import static dev.upshift.orchestrator.upgrade.Histories.OTHER;
import static dev.upshift.orchestrator.upgrade.Histories.RUNBOOK;
import static dev.upshift.orchestrator.upgrade.Histories.completedUpTo;
import static dev.upshift.orchestrator.upgrade.Histories.outcome;
import static dev.upshift.orchestrator.upgrade.Histories.planned;
import static dev.upshift.orchestrator.upgrade.Histories.preflightPassed;
import static dev.upshift.orchestrator.upgrade.Histories.rollingBack;
import static dev.upshift.orchestrator.upgrade.Histories.running;
import static dev.upshift.orchestrator.upgrade.Histories.step;

import java.util.List;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Retained;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.FailStep;
import dev.upshift.orchestrator.api.commands.ResumeRun;
import dev.upshift.orchestrator.api.commands.StartRun;
import dev.upshift.orchestrator.api.events.DowntimeApproved;
import dev.upshift.orchestrator.api.events.DowntimeGateReached;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.RetentionScheduled;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.RunPaused;
import dev.upshift.orchestrator.api.events.RunResumed;
import dev.upshift.orchestrator.api.events.RunStarted;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * What comes next is the aggregate's decision, recorded as an event: the step due, the pre-flight passed, the gate,
 * the pause, the completion, the automatic rollback, the rollback's end.
 */
class UpgradeDecisionsTest {

    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenARunThroughThePreflightWhenTheLastCheckEndsThenThePreflightPassesAndTheFirstBackupIsDue() {
        List<Object> history = planned();
        history.add(new RunStarted(UPGRADE_ID, RUNNER, null));
        history.add(new PreflightStarted(UPGRADE_ID, RUNNER));
        for (Step check : List.of(step("0.1"), step("0.2"), step("0.3"), step("0.4"))) {
            history.add(new StepStarted(UPGRADE_ID, check));
            history.add(outcome(check));
        }
        history.add(new StepStarted(UPGRADE_ID, step("0.5")));

        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("0.5"))))
                .expectEvents(outcome(step("0.5")), new PreflightPassed(UPGRADE_ID),
                        new StepDue(UPGRADE_ID, step("1.1"), RUNNER));
    }

    @Test
    void givenAPreflightPassedBeforeTheCompatibilityCheckExistedWhenRunThenPhaseOneIsDueNotTheNewCheck() {
        List<Object> history = planned();
        history.add(new PreflightStarted(UPGRADE_ID, RUNNER));
        for (Step check : List.of(step("0.1"), step("0.2"), step("0.3"), step("0.4"))) {
            history.add(new StepStarted(UPGRADE_ID, check));
            history.add(outcome(check));
        }
        history.add(new PreflightPassed(UPGRADE_ID));

        fixture.given(history)
                .when(new StartRun(UPGRADE_ID, RUNNER, null, false))
                .expectEvents(new RunStarted(UPGRADE_ID, RUNNER, null), new StepDue(UPGRADE_ID, step("1.1"), RUNNER));
    }

    @Test
    void givenAPreflightCheckUnderWayWhenItFailsThenNothingMoreIsDue() {
        List<Object> history = planned();
        history.add(new PreflightStarted(UPGRADE_ID, RUNNER));
        history.add(new StepStarted(UPGRADE_ID, step("0.1")));

        fixture.given(history)
                .when(new FailStep(UPGRADE_ID, step("0.1"), "connection refused"))
                .expectEvents(new PreflightFailed(UPGRADE_ID, step("0.1"), "connection refused"));
    }

    @Test
    void givenARunWithoutApprovalWhenPhaseTwoEndsThenTheUpgradeWaitsAtTheGate() {
        List<Object> history = completedUpTo(step("2.1"), false);
        history.add(new StepStarted(UPGRADE_ID, step("2.2")));
        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .expectEvents(outcome(step("2.2")), new DowntimeGateReached(UPGRADE_ID));
    }

    @Test
    void givenTheGateWhenTheOperatorRunsWithYesThenTheDowntimeIsApprovedAndItsFirstStepIsDue() {
        List<Object> history = completedUpTo(step("2.2"), false);
        history.add(new DowntimeGateReached(UPGRADE_ID));

        fixture.given(history)
                .when(new StartRun(UPGRADE_ID, OTHER, null, true))
                .expectEvents(new DowntimeApproved(UPGRADE_ID), new RunStarted(UPGRADE_ID, OTHER, null),
                        new StepDue(UPGRADE_ID, step("3.1"), OTHER));
    }

    @Test
    void givenARunUntilAStepWhenThatStepEndsThenTheRunPauses() {
        List<Object> history = preflightPassed();
        history.add(new DowntimeApproved(UPGRADE_ID));
        history.add(new RunStarted(UPGRADE_ID, RUNNER, "1.2"));
        history.add(new StepStarted(UPGRADE_ID, step("1.1")));
        history.add(outcome(step("1.1")));
        history.add(new StepStarted(UPGRADE_ID, step("1.2")));

        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("1.2"))))
                .expectEvents(outcome(step("1.2")), new RunPaused(UPGRADE_ID, "1.2"));
    }

    @Test
    void givenARunUntilAPhaseWhenItsLastStepEndsThenTheRunPausesBeforeTheNextPhase() {
        List<Object> history = preflightPassed();
        history.add(new RunStarted(UPGRADE_ID, RUNNER, "1"));
        for (Step backup : List.of(step("1.1"), step("1.2"), step("1.3"))) {
            history.add(new StepStarted(UPGRADE_ID, backup));
            history.add(outcome(backup));
        }
        history.add(new StepStarted(UPGRADE_ID, step("1.4")));

        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("1.4"))))
                .expectEvents(outcome(step("1.4")), new RunPaused(UPGRADE_ID, "1.4"));
    }

    @Test
    void givenTheLastStepBeforeTheCleanupUnderWayWhenItEndsThenTheUpgradeIsComplete() {
        List<Step> checks = RUNBOOK.inPhase(Phase.VALIDATE);
        Step last = checks.get(checks.size() - 1);
        fixture.given(running(last))
                .when(new CompleteStep(UPGRADE_ID, outcome(last)))
                .expectEvents(outcome(last), new UpgradeCompleted(UPGRADE_ID), new RetentionScheduled(UPGRADE_ID,
                        List.of(new Retained(Retained.IMAGE, "postgres:16-alpine", step("6.1"),
                                fixture.currentTime().plus(UpgradePlan.IMAGE_KEPT))), List.of()));
    }

    @Test
    void givenAStepThatFailedBeforeTheRollbackStartedWhenResumedThenTheRollbackStartsForTheResumingProcess() {
        List<Object> history = running(step("2.1"));
        history.add(new StepFailed(UPGRADE_ID, step("2.1"), "compose file is read-only"));
        Step revert = new Step("R.1", StepKind.REVERT_COMPOSE_FILE, null);

        fixture.given(history)
                .when(new ResumeRun(UPGRADE_ID, OTHER))
                .expectEvents(new RunResumed(UPGRADE_ID, OTHER, null),
                        new RollbackInitiated(UPGRADE_ID, "step 2.1 Update the compose file failed: compose file is "
                                + "read-only", step("2.1"), "quick", true, List.of(revert), OTHER),
                        new StepDue(UPGRADE_ID, revert, OTHER));
    }

    @Test
    void givenARollbackWithAStepLeftWhenAStepEndsThenTheNextIsDueAndAfterTheLastTheRollbackIsComplete() {
        Step revert = new Step("R.1", StepKind.REVERT_COMPOSE_FILE, null);
        Step restart = new Step("R.2", StepKind.RESTART_DEPENDENTS, null);
        List<Object> history = rollingBack(step("2.1"), revert, restart);

        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, outcome(revert)))
                .expectEvents(outcome(revert), new StepDue(UPGRADE_ID, restart, RUNNER));

        history.add(outcome(revert));
        history.add(new StepStarted(UPGRADE_ID, restart));
        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, outcome(restart)))
                .expectEvents(outcome(restart), new RollbackCompleted(UPGRADE_ID));
    }
}
