package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;
import static dev.upshift.orchestrator.upgrade.Histories.RUNBOOK;
import static dev.upshift.orchestrator.upgrade.Histories.completedUpTo;
import static dev.upshift.orchestrator.upgrade.Histories.planned;
import static dev.upshift.orchestrator.upgrade.Histories.preflightPassed;

import java.time.Duration;
import java.util.List;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.StepTime;
import dev.upshift.orchestrator.api.commands.RecordRehearsal;
import dev.upshift.orchestrator.api.events.RehearsalCleanedUp;
import dev.upshift.orchestrator.api.events.RehearsalCompleted;
import dev.upshift.orchestrator.api.events.RehearsalFailed;
import dev.upshift.orchestrator.api.events.RehearsalStarted;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.upgrade.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A rehearsal is recorded on the upgrade it rehearses, and only before that upgrade's downtime. */
class UpgradeRehearsalTest {

    private static final String REHEARSAL = UPGRADE_ID + "-rehearsal-1";
    private static final RehearsalStarted STARTED = new RehearsalStarted(UPGRADE_ID, REHEARSAL, "makapix-rehearsal");
    private static final RehearsalCompleted COMPLETED = new RehearsalCompleted(UPGRADE_ID, REHEARSAL,
            Duration.ofMillis(6_520), List.of(new StepTime("3.5", "Start the new server", Duration.ofMillis(2_540))));
    private static final RehearsalCleanedUp CLEANED_UP = new RehearsalCleanedUp(UPGRADE_ID, REHEARSAL,
            List.of("makapix-rehearsal-db-1"), List.of("makapix-rehearsal_pg_data"), "/tmp/r", List.of());
    private static final String TOO_LATE = "the downtime of upgrade makapix-pg17 has already started; "
            + "a rehearsal is for one still to come";

    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenAPlanWhenARehearsalStartsThenItIsRecorded() {
        fixture.given(planned())
                .when(new RecordRehearsal(UPGRADE_ID, STARTED))
                .expectEvents(STARTED);
    }

    @Test
    void givenARehearsalUnderWayWhenItCompletesThenItsDowntimeIsRecorded() {
        List<Object> history = preflightPassed();
        history.add(STARTED);
        fixture.given(history)
                .when(new RecordRehearsal(UPGRADE_ID, COMPLETED))
                .expectEvents(COMPLETED);
    }

    @Test
    void givenTheGateWhenARehearsalFailsThenTheFailureIsRecorded() {
        List<Object> history = completedUpTo(RUNBOOK.inPhase(Phase.PREPARE).get(1), false);
        history.add(STARTED);
        RehearsalFailed failed = new RehearsalFailed(UPGRADE_ID, REHEARSAL, "3.5 Start the new server", "it exited");
        fixture.given(history)
                .when(new RecordRehearsal(UPGRADE_ID, failed))
                .expectEvents(failed);
    }

    @Test
    void givenTheDowntimeStartedWhenARehearsalStartsThenItIsRefused() {
        fixture.given(completedUpTo(RUNBOOK.first(Phase.EXECUTE), true))
                .when(new RecordRehearsal(UPGRADE_ID, STARTED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(TOO_LATE)
                .expectNoEvents();
    }

    @Test
    void givenTheDowntimeStartedMeanwhileWhenTheRehearsalCompletesThenItsResultIsRefused() {
        List<Object> history = completedUpTo(RUNBOOK.first(Phase.EXECUTE), true);
        history.add(1, STARTED); // right after the plan
        fixture.given(history)
                .when(new RecordRehearsal(UPGRADE_ID, COMPLETED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(TOO_LATE)
                .expectNoEvents();
    }

    @Test
    void givenTheDowntimeStartedMeanwhileWhenTheRehearsalCleanedUpThenWhatItRemovedIsRecorded() {
        List<Object> history = completedUpTo(RUNBOOK.first(Phase.EXECUTE), true);
        history.add(STARTED);
        fixture.given(history)
                .when(new RecordRehearsal(UPGRADE_ID, CLEANED_UP))
                .expectEvents(CLEANED_UP);
    }

    @Test
    void givenARolledBackUpgradeWhenARehearsalStartsThenItIsRefused() {
        List<Object> history = preflightPassed();
        history.add(new RollbackCompleted(UPGRADE_ID));
        fixture.given(history)
                .when(new RecordRehearsal(UPGRADE_ID, STARTED))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
