package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;

import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.FailStep;
import dev.upshift.orchestrator.api.commands.InitiateRollback;
import dev.upshift.orchestrator.api.events.DowntimeGateReached;
import dev.upshift.orchestrator.api.events.FenceHeld;
import dev.upshift.orchestrator.api.events.PointOfNoReturnPassed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * The runbook of pg-upgrade, decided by the same aggregate: 0.6 checks the upgrade image, 3.1 starts the downtime
 * without a dump (behind the same gate and the same verdict), and a failure after the transfer rolls back to the old
 * container on its untouched volume.
 */
class UpgradeByPgUpgradeTest {

    private static final Runbook RUNBOOK = Runbook.of(SamplePlans.makapixByPgUpgrade());

    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenCompatibilityCheckedWhenItEndsThenTheUpgradeImageCheckIsDueBeforeThePreflightPasses() {
        List<Object> history = completedUpTo(step("0.4"), true);
        history.add(new StepStarted(UPGRADE_ID, step("0.5")));

        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, Histories.outcome(step("0.5"))))
                .expectEvents(Histories.outcome(step("0.5")), new StepDue(UPGRADE_ID, step("0.6"), RUNNER));
    }

    @Test
    void givenPhaseTwoDoneWithoutApprovalWhenItEndsThenTheUpgradeWaitsAtTheGateBeforeTheFence() {
        List<Object> history = completedUpTo(step("2.1"), false);
        history.add(new StepStarted(UPGRADE_ID, step("2.2")));

        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, Histories.outcome(step("2.2"))))
                .expectEvents(Histories.outcome(step("2.2")), new DowntimeGateReached(UPGRADE_ID));
    }

    @Test
    void givenTheFenceHeldWhenReportedThenTheOldServerStopsNext() {
        FenceHeld held = new FenceHeld(UPGRADE_ID, step("3.1"), 0);

        fixture.given(fencing())
                .when(new CompleteStep(UPGRADE_ID, held))
                .expectEvents(held, new StepDue(UPGRADE_ID, step("3.2"), RUNNER));
    }

    @Test
    void givenAWriteBehindTheFenceWhenReportedThenTheStepFailsAndTheFenceIsLiftedInTheRollback() {
        String reason = "1 rows were written behind the fence during step 3.1: a client is connected as a superuser; "
                + "stop it and run the upgrade again";
        Step liftFence = new Step("R.2", StepKind.LIFT_FENCE, null);

        fixture.given(fencing())
                .when(new CompleteStep(UPGRADE_ID, new FenceHeld(UPGRADE_ID, step("3.1"), 1)))
                .expectEvents(new StepFailed(UPGRADE_ID, step("3.1"), reason),
                        new RollbackInitiated(UPGRADE_ID, "step " + step("3.1") + " failed: " + reason, step("3.1"),
                                "quick", true, List.of(new Step("R.1", StepKind.REVERT_COMPOSE_FILE, null), liftFence,
                                new Step("R.3", StepKind.VERIFY_OLD_DATABASE, null),
                                new Step("R.4", StepKind.RESTART_DEPENDENTS, null)), RUNNER),
                        new StepDue(UPGRADE_ID, new Step("R.1", StepKind.REVERT_COMPOSE_FILE, null), RUNNER));
    }

    @Test
    void givenTheNewServerFailingOnTheUpgradedClusterWhenItFailsThenTheRollbackRemovesItAndRecreatesTheOldOne() {
        List<Object> history = completedUpTo(step("3.5"), true);
        history.add(new StepStarted(UPGRADE_ID, step("3.6")));

        fixture.given(history)
                .when(new FailStep(UPGRADE_ID, step("3.6"), "the new server exited"))
                .expectEvents(new StepFailed(UPGRADE_ID, step("3.6"), "the new server exited"),
                        new RollbackInitiated(UPGRADE_ID, "step " + step("3.6") + " failed: the new server exited",
                                step("3.6"), "quick", true, List.of(
                                        new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null),
                                        new Step("R.2", StepKind.REVERT_COMPOSE_FILE, null),
                                        new Step("R.3", StepKind.RECREATE_OLD_DATABASE, null),
                                        new Step("R.4", StepKind.LIFT_FENCE, null),
                                        new Step("R.5", StepKind.VERIFY_OLD_DATABASE, null),
                                        new Step("R.6", StepKind.RESTART_DEPENDENTS, null)), RUNNER),
                        new StepDue(UPGRADE_ID, new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null), RUNNER));
    }

    @Test
    void givenALinkedClusterWhenTheNewServerFailsBeforeItsFirstStartThenTheOldClusterGetsItsControlFileBack() {
        List<Object> history = completedUpTo(step("3.5"), true, "link");
        history.add(new StepStarted(UPGRADE_ID, step("3.6")));

        fixture.given(history)
                .when(new FailStep(UPGRADE_ID, step("3.6"), "no such image"))
                .expectEvents(new StepFailed(UPGRADE_ID, step("3.6"), "no such image"),
                        new RollbackInitiated(UPGRADE_ID, "step " + step("3.6") + " failed: no such image",
                                step("3.6"), "quick", true, List.of(
                                        new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null),
                                        new Step("R.2", StepKind.REVERT_COMPOSE_FILE, null),
                                        new Step("R.3", StepKind.RESTORE_OLD_CLUSTER, null),
                                        new Step("R.4", StepKind.RECREATE_OLD_DATABASE, null),
                                        new Step("R.5", StepKind.LIFT_FENCE, null),
                                        new Step("R.6", StepKind.VERIFY_OLD_DATABASE, null),
                                        new Step("R.7", StepKind.RESTART_DEPENDENTS, null)), RUNNER),
                        new StepDue(UPGRADE_ID, new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null), RUNNER));
    }

    @Test
    void givenTheNewServerStartedOnALinkedClusterWhenItFailsThenTheRollbackIsTheFullOneFromTheDump() {
        List<Object> history = completedUpTo(step("3.5"), true, "link");
        history.add(new StepStarted(UPGRADE_ID, step("3.6")));
        history.add(new PointOfNoReturnPassed(UPGRADE_ID, step("3.6"), "makapix_pg_data"));

        fixture.given(history)
                .when(new FailStep(UPGRADE_ID, step("3.6"), "the new server exited"))
                .expectEvents(new StepFailed(UPGRADE_ID, step("3.6"), "the new server exited"),
                        new RollbackInitiated(UPGRADE_ID, "step " + step("3.6") + " failed: the new server exited",
                                step("3.6"), "full", true, List.of(
                                        new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null),
                                        new Step("R.2", StepKind.REVERT_COMPOSE_FILE, null),
                                        new Step("R.3", StepKind.RESTORE_OLD_VERSION, null),
                                        new Step("R.4", StepKind.LIFT_FENCE, null),
                                        new Step("R.5", StepKind.VERIFY_OLD_DATABASE, null),
                                        new Step("R.6", StepKind.RESTART_DEPENDENTS, null)), RUNNER),
                        new StepDue(UPGRADE_ID, new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null), RUNNER));
    }

    @Test
    void givenTheNewServerStartedOnALinkedClusterWhenTheOperatorAsksForTheQuickRollbackThenItIsRefused() {
        List<Object> history = completedUpTo(step("3.5"), true, "link");
        history.add(new StepStarted(UPGRADE_ID, step("3.6")));
        history.add(new PointOfNoReturnPassed(UPGRADE_ID, step("3.6"), "makapix_pg_data"));
        history.add(new StepFailed(UPGRADE_ID, step("3.6"), "the node died"));

        fixture.given(history)
                .when(new InitiateRollback(UPGRADE_ID, "requested by the operator", "quick", false, RUNNER))
                .expectNoEvents()
                .expectExceptionMessage("the new server of upgrade " + UPGRADE_ID + " has started on data files the old "
                        + "cluster shares (pg_upgrade --link), so the old cluster cannot run again; roll back with "
                        + "--mode full, which restores the old version from the dump into a fresh volume");
    }

    /** The run with 3.1 under way and its fence recorded. */
    private static List<Object> fencing() {
        List<Object> history = completedUpTo(step("2.2"), true);
        history.add(new StepStarted(UPGRADE_ID, step("3.1")));
        history.add(Histories.FENCED);
        return history;
    }

    /** A pg-upgrade run, each step up to this one started and completed. */
    private static List<Object> completedUpTo(Step last, boolean approved) {
        return completedUpTo(last, approved, "copy");
    }

    private static List<Object> completedUpTo(Step last, boolean approved, String transfer) {
        return Histories.completedUpTo(SamplePlans.makapixByPgUpgrade(transfer), last, approved);
    }

    private static Step step(String number) {
        return Histories.step(RUNBOOK, number);
    }
}
