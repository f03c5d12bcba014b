package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;
import static dev.upshift.orchestrator.upgrade.Histories.OTHER;
import static dev.upshift.orchestrator.upgrade.Histories.RUNBOOK;
import static dev.upshift.orchestrator.upgrade.Histories.completedUpTo;
import static dev.upshift.orchestrator.upgrade.Histories.planned;
import static dev.upshift.orchestrator.upgrade.Histories.preflightPassed;
import static dev.upshift.orchestrator.upgrade.Histories.rollingBack;
import static dev.upshift.orchestrator.upgrade.Histories.running;
import static dev.upshift.orchestrator.upgrade.Histories.step;

import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.commands.ApproveDowntime;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.FailStep;
import dev.upshift.orchestrator.api.commands.InitiateRollback;
import dev.upshift.orchestrator.api.commands.RecordProgress;
import dev.upshift.orchestrator.api.commands.ResumeRun;
import dev.upshift.orchestrator.api.commands.StartRun;
import dev.upshift.orchestrator.api.commands.StartStep;
import dev.upshift.orchestrator.api.events.DataRestored;
import dev.upshift.orchestrator.api.events.DependentsStopped;
import dev.upshift.orchestrator.api.events.DowntimeApproved;
import dev.upshift.orchestrator.api.events.DowntimeGateReached;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.RunResumed;
import dev.upshift.orchestrator.api.events.RunStarted;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.process.ThisProcess;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The rules of a run: who may run, the downtime gate, the point of no return, what a rollback undoes. */
class UpgradeRunTest {

    private static final Step FIRST_BACKUP = RUNBOOK.first(Phase.BACKUP);
    private static final Step STOP_DEPENDENTS = RUNBOOK.first(Phase.EXECUTE);
    private static final Step START_NEW_DATABASE = step("3.5");
    private static final Step START_API = RUNBOOK.first(Phase.RESTORE_SERVICES);
    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenAPlanWhenRunningThenThePreflightRunsFirstForThisRunner() {
        fixture.given(planned())
                .when(new StartRun(UPGRADE_ID, RUNNER, null, false))
                .expectEvents(new RunStarted(UPGRADE_ID, RUNNER, null), new PreflightStarted(UPGRADE_ID, RUNNER),
                        new StepDue(UPGRADE_ID, step("0.1"), RUNNER));
    }

    @Test
    void givenAPassedPreflightWhenRunningWithYesThenTheDowntimeIsApprovedAndTheRunStarts() {
        fixture.given(preflightPassed())
                .when(new StartRun(UPGRADE_ID, RUNNER, "2", true))
                .expectEvents(new DowntimeApproved(UPGRADE_ID), new RunStarted(UPGRADE_ID, RUNNER, "2"),
                        new StepDue(UPGRADE_ID, FIRST_BACKUP, RUNNER));
    }

    @Test
    void givenARunUnderWayWhenAnotherProcessRunsThenItIsToldToResume() {
        fixture.given(running(FIRST_BACKUP))
                .when(new StartRun(UPGRADE_ID, OTHER, null, false))
                .expectExceptionMessage("upgrade makapix-pg17 is already running (" + RUNNER + "); if that process "
                        + "died, `upshift resume makapix-pg17` takes over");
    }

    @Test
    void givenACompletedUpgradeWhenRunningThenANewPlanIsNeeded() {
        List<Object> history = running(FIRST_BACKUP);
        history.add(new UpgradeCompleted(UPGRADE_ID));
        fixture.given(history)
                .when(new StartRun(UPGRADE_ID, RUNNER, null, false))
                .expectExceptionMessage("upgrade makapix-pg17 is completed; plan a new upgrade to try again");
    }

    @Test
    void givenARunUnderWayWhenResumedThenTheStepInProgressIsHandedOver() {
        fixture.given(running(FIRST_BACKUP))
                .when(new ResumeRun(UPGRADE_ID, OTHER))
                .expectEvents(new RunResumed(UPGRADE_ID, OTHER, FIRST_BACKUP), new StepDue(UPGRADE_ID, FIRST_BACKUP, OTHER));
    }

    @Test
    void givenAnUpgradeHandedToTheNodesWhenAOneShotProcessResumesItThenItIsToldTheNodesTakeItOver() {
        List<Object> history = preflightPassed();
        history.add(new RunStarted(UPGRADE_ID, ThisProcess.NODES, null));
        history.add(new StepStarted(UPGRADE_ID, FIRST_BACKUP));
        fixture.given(history)
                .when(new ResumeRun(UPGRADE_ID, OTHER))
                .expectExceptionMessage("upgrade makapix-pg17 is driven by the nodes (upshift serve), which take it "
                        + "over from one another; follow it with `upshift log makapix-pg17`, or start a node with "
                        + "`upshift serve`");
    }

    @Test
    void givenAnUpgradeAtRestWhenResumedThenThereIsNothingToResume() {
        fixture.given(preflightPassed())
                .when(new ResumeRun(UPGRADE_ID, RUNNER))
                .expectExceptionMessage("upgrade makapix-pg17 is preflight passed, not interrupted; nothing to resume "
                        + "(`upshift run makapix-pg17` continues it)");
    }

    @Test
    void givenNoApprovalWhenTheDowntimeWouldStartThenTheStepIsRefused() {
        fixture.given(completedUpTo(step("2.2"), false))
                .when(new StartStep(UPGRADE_ID, STOP_DEPENDENTS, RUNNER))
                .expectExceptionMessage("step 3.1 starts the downtime and needs approval: `upshift approve makapix-pg17`, "
                        + "or `upshift run makapix-pg17 --yes`");
    }

    @Test
    void givenAStepDueForOneProcessWhenAnotherStartsItThenItIsRefusedNamingTheRunner() {
        fixture.given(completedUpTo(step("1.1"), true))
                .when(new StartStep(UPGRADE_ID, step("1.2"), OTHER))
                .expectExceptionMessage("upgrade makapix-pg17 is driven by " + RUNNER + ", not by " + OTHER
                        + "; it runs the steps");
    }

    @Test
    void givenTheGateWhenApprovedThenTheDowntimeIsApproved() {
        List<Object> history = completedUpTo(step("2.2"), false);
        history.add(new DowntimeGateReached(UPGRADE_ID));
        fixture.given(history)
                .when(new ApproveDowntime(UPGRADE_ID))
                .expectEvents(new DowntimeApproved(UPGRADE_ID));
    }

    @Test
    void givenTheDowntimeStartedWhenApprovingThenThereIsNothingLeftToApprove() {
        fixture.given(running(STOP_DEPENDENTS))
                .when(new ApproveDowntime(UPGRADE_ID))
                .expectExceptionMessage("the downtime of upgrade makapix-pg17 has already started; there is nothing "
                        + "left to approve");
    }

    @Test
    void givenARestoreUnderWayWhenItFailsThenTheInverseOfEveryStartedStepIsDueInReverseOrder() {
        Step removeNewDatabase = new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null);
        fixture.given(running(START_NEW_DATABASE))
                .when(new FailStep(UPGRADE_ID, START_NEW_DATABASE, "pg_restore failed"))
                .expectEvents(new StepFailed(UPGRADE_ID, START_NEW_DATABASE, "pg_restore failed"),
                        new RollbackInitiated(UPGRADE_ID, "step 3.5 Start the new server and restore the final dump "
                                + "failed: pg_restore failed", START_NEW_DATABASE, "quick", true,
                                List.of(removeNewDatabase,
                                        new Step("R.2", StepKind.REVERT_COMPOSE_FILE, null),
                                        new Step("R.3", StepKind.RECREATE_OLD_DATABASE, null),
                                        new Step("R.4", StepKind.LIFT_FENCE, null),
                                        new Step("R.5", StepKind.VERIFY_OLD_DATABASE, null),
                                        new Step("R.6", StepKind.RESTART_DEPENDENTS, null)), RUNNER),
                        new StepDue(UPGRADE_ID, removeNewDatabase, RUNNER));
    }

    @Test
    void givenTheDependentsRanOnTheNewVersionWhenTheOperatorRollsBackThenDataLossMustBeAccepted() {
        List<Object> history = running(START_API);
        history.add(new UpgradeCompleted(UPGRADE_ID));
        fixture.given(history)
                .when(new InitiateRollback(UPGRADE_ID, "requested by the operator", "quick", false, RUNNER))
                .expectExceptionMessage("the dependents of upgrade makapix-pg17 have run on the new version, so writes "
                        + "may exist only there; a rollback discards them: add --accept-data-loss to roll back anyway");
    }

    @Test
    void givenAnUpgradeThatChangedNothingWhenRollingBackThenThereIsNothingToRollBack() {
        fixture.given(preflightPassed())
                .when(new InitiateRollback(UPGRADE_ID, "requested by the operator", "quick", false, RUNNER))
                .expectExceptionMessage("upgrade makapix-pg17 has not changed anything yet; there is nothing to roll back");
    }

    @Test
    void givenARollbackStepFailsWhenRecordedThenWhatIsLeftIsNamedForTheOperator() {
        Step recreate = new Step("R.1", StepKind.RECREATE_OLD_DATABASE, null);
        Step restart = new Step("R.2", StepKind.RESTART_DEPENDENTS, null);
        fixture.given(rollingBack(step("3.2"), recreate, restart))
                .when(new FailStep(UPGRADE_ID, recreate, "the old server is exited"))
                .expectEvents(new RollbackFailed(UPGRADE_ID, recreate, "the old server is exited",
                        "by hand, in this order: R.1 Recreate the old container from its recorded spec; "
                                + "R.2 Start the dependents again"));
    }

    @Test
    void givenTheRestoreInProgressWhenHowFarItIsIsRecordedThenTheAggregateAcceptsIt() {
        fixture.given(running(START_NEW_DATABASE))
                .when(new RecordProgress(UPGRADE_ID, restoring(START_NEW_DATABASE)))
                .expectEvents(restoring(START_NEW_DATABASE));
    }

    @Test
    void givenTheRestoreEndedWhenALateReportOfHowFarItWasArrivesThenItIsRefused() {
        List<Object> history = running(START_NEW_DATABASE);
        history.add(new DataRestored(UPGRADE_ID, START_NEW_DATABASE, "5ee3b3b8b107", "/backups/to17_final.dump", null));
        fixture.given(history)
                .when(new RecordProgress(UPGRADE_ID, restoring(START_NEW_DATABASE)))
                .expectNoEvents()
                .expectExceptionMessage("step 3.5 reported progress but no step is in progress");
    }

    @Test
    void givenAnotherStepInProgressWhenAReportOfHowFarARestoreIsArrivesThenItIsRefused() {
        fixture.given(running(step("3.6")))
                .when(new RecordProgress(UPGRADE_ID, restoring(START_NEW_DATABASE)))
                .expectNoEvents()
                .expectExceptionMessage("step 3.5 reported progress but step 3.6 Verify the new server version is in progress");
    }

    private static TransferProgressed restoring(Step step) {
        return new TransferProgressed(UPGRADE_ID, step, "restoring", 1_200, 2_400, "entries");
    }
}
