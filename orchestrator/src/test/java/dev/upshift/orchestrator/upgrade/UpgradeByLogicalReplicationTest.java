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
import dev.upshift.orchestrator.api.events.DowntimeGateReached;
import dev.upshift.orchestrator.api.events.ReplicaCaughtUp;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * The runbook of logical, decided by the same aggregate: the replica is built and caught up before the gate, so the
 * stack serves until the operator's approval; a failure before the fence removes the replica and touches nothing
 * else (the compose file is edited only at the switch); one in the switch brings the old server back, then removes the replica and its replication from it.
 */
class UpgradeByLogicalReplicationTest {

    private static final Runbook RUNBOOK = Runbook.of(SamplePlans.makapixByLogicalReplication());

    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenTheReplicaCatchingUpWithoutApprovalWhenCaughtUpThenTheUpgradeWaitsAtTheGateBeforeTheFence() {
        List<Object> history = completedUpTo(step("2.3"));
        history.add(new StepStarted(UPGRADE_ID, step("2.4")));
        ReplicaCaughtUp caughtUp = new ReplicaCaughtUp(UPGRADE_ID, step("2.4"), 38, 0);

        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, caughtUp))
                .expectEvents(caughtUp, new DowntimeGateReached(UPGRADE_ID));
    }

    @Test
    void givenTheCatchUpFailingWhenItFailsThenTheRollbackRemovesTheReplicaOnly() {
        List<Object> history = completedUpTo(step("2.3"));
        history.add(new StepStarted(UPGRADE_ID, step("2.4")));

        fixture.given(history)
                .when(new FailStep(UPGRADE_ID, step("2.4"), "the replica reports 1 replication errors"))
                .expectEvents(new StepFailed(UPGRADE_ID, step("2.4"), "the replica reports 1 replication errors"),
                        new RollbackInitiated(UPGRADE_ID, "step " + step("2.4") + " failed: the replica reports 1 "
                                + "replication errors", step("2.4"), "quick", true, List.of(
                                        new Step("R.1", StepKind.REMOVE_REPLICA, null)), RUNNER),
                        new StepDue(UPGRADE_ID, new Step("R.1", StepKind.REMOVE_REPLICA, null), RUNNER));
    }

    @Test
    void givenTheNewServerFailingAsTheServiceWhenItFailsThenTheOldServerComesBackBeforeTheReplicationIsRemovedFromIt() {
        List<Object> history = completedUpTo(step("3.5"));
        history.add(new StepStarted(UPGRADE_ID, step("3.6")));

        fixture.given(history)
                .when(new FailStep(UPGRADE_ID, step("3.6"), "the new server exited"))
                .expectEvents(new StepFailed(UPGRADE_ID, step("3.6"), "the new server exited"),
                        new RollbackInitiated(UPGRADE_ID, "step " + step("3.6") + " failed: the new server exited",
                                step("3.6"), "quick", true, List.of(
                                        new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null),
                                        new Step("R.2", StepKind.REVERT_COMPOSE_FILE, null),
                                        new Step("R.3", StepKind.RECREATE_OLD_DATABASE, null),
                                        new Step("R.4", StepKind.REMOVE_REPLICA, null),
                                        new Step("R.5", StepKind.LIFT_FENCE, null),
                                        new Step("R.6", StepKind.VERIFY_OLD_DATABASE, null),
                                        new Step("R.7", StepKind.RESTART_DEPENDENTS, null)), RUNNER),
                        new StepDue(UPGRADE_ID, new Step("R.1", StepKind.REMOVE_NEW_DATABASE, null), RUNNER));
    }

    /** A logical run, each step up to this one started and completed. */
    private static List<Object> completedUpTo(Step last) {
        return Histories.completedUpTo(SamplePlans.makapixByLogicalReplication(), last, false);
    }

    private static Step step(String number) {
        return Histories.step(RUNBOOK, number);
    }
}
