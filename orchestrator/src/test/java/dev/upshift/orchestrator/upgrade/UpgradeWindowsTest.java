package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;
import static dev.upshift.orchestrator.upgrade.Histories.outcome;
import static dev.upshift.orchestrator.upgrade.Histories.running;
import static dev.upshift.orchestrator.upgrade.Histories.step;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.MaintenanceWindow.Opening;
import dev.upshift.orchestrator.api.SkippedWindow;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.InitiateRollback;
import dev.upshift.orchestrator.api.commands.StartRun;
import dev.upshift.orchestrator.api.events.DowntimeScheduled;
import dev.upshift.orchestrator.api.events.MaintenanceWindowReached;
import dev.upshift.orchestrator.api.events.NoMaintenanceWindowFits;
import dev.upshift.orchestrator.api.events.RehearsalCompleted;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.process.ThisProcess;
import dev.upshift.orchestrator.upgrade.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

/**
 * Phase 3 starts only inside a maintenance window that holds the expected downtime: otherwise the upgrade waits for a
 * persistent deadline at the next opening that does, which the nodes act on.
 */
class UpgradeWindowsTest {

    /** 22 s: the sample's 16 MB by dump-restore (ExpectedDowntime), which every window below is judged by. */
    private static final Duration EXPECTED = Duration.ofSeconds(22);
    private static final String ONE_OFF = "2026-12-01T23:00:00Z/PT1H";
    private static final Opening ONE_OFF_OPENING = new Opening(ONE_OFF, Instant.parse("2026-12-01T23:00:00Z"),
            Instant.parse("2026-12-02T00:00:00Z"));
    private static final Instant BEFORE_IT = Instant.parse("2026-12-01T22:00:00Z");

    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenAWindowStillAheadWhenPhaseTwoEndsThenTheDowntimeIsScheduledForTheNodesAtItsOpening() {
        inPhaseTwo(BEFORE_IT, ONE_OFF)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .expectEvents(outcome(step("2.2")), new DowntimeScheduled(UPGRADE_ID, ONE_OFF, ONE_OFF_OPENING.opens(),
                        ONE_OFF_OPENING.closes(), EXPECTED, ExpectedDowntime.ESTIMATE, List.of(), ThisProcess.NODES))
                .expectScheduledDeadline(ONE_OFF_OPENING.opens(), ONE_OFF_OPENING);
    }

    @Test
    void givenTheDowntimeScheduledWhenTheWindowOpensThenItIsReachedAndTheFirstStepIsDueForTheNodes() {
        inPhaseTwo(BEFORE_IT, ONE_OFF)
                .andGivenCommands(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .whenTimeAdvancesTo(ONE_OFF_OPENING.opens())
                .expectEvents(new MaintenanceWindowReached(UPGRADE_ID, ONE_OFF, ONE_OFF_OPENING.closes(), EXPECTED,
                        ExpectedDowntime.ESTIMATE, List.of()), new StepDue(UPGRADE_ID, step("3.1"), ThisProcess.NODES))
                .expectTriggeredDeadlines(ONE_OFF_OPENING);
    }

    @Test
    void givenAWindowOpenNowWithRoomForTheDowntimeWhenPhaseTwoEndsThenPhaseThreeStartsInThisProcessAtOnce() {
        inPhaseTwo(Instant.parse("2026-12-01T23:10:00Z"), ONE_OFF)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .expectEvents(outcome(step("2.2")), new MaintenanceWindowReached(UPGRADE_ID, ONE_OFF,
                                ONE_OFF_OPENING.closes(), EXPECTED, ExpectedDowntime.ESTIMATE, List.of()),
                        new StepDue(UPGRADE_ID, step("3.1"), RUNNER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenARehearsalMeasuredTheDowntimeWhenPhaseTwoEndsThenTheWindowMustHoldThatFigureRatherThanTheEstimate() {
        Duration rehearsed = Duration.ofSeconds(9);
        List<Object> history = running(step("2.2"));
        history.set(0, new UpgradePlanned(UPGRADE_ID, SamplePlans.makapixInWindows(ONE_OFF)));
        history.add(1, new RehearsalCompleted(UPGRADE_ID, UPGRADE_ID + "-rehearsal-1", rehearsed, List.of()));

        fixture.givenCurrentTime(BEFORE_IT).andGiven(history)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .expectEvents(outcome(step("2.2")), new DowntimeScheduled(UPGRADE_ID, ONE_OFF, ONE_OFF_OPENING.opens(),
                        ONE_OFF_OPENING.closes(), rehearsed, ExpectedDowntime.REHEARSAL, List.of(), ThisProcess.NODES));
    }

    @Test
    void givenNoWindowsWhenPhaseTwoEndsThenPhaseThreeStartsAsAlways() {
        inPhaseTwo(BEFORE_IT)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .expectEvents(outcome(step("2.2")), new StepDue(UPGRADE_ID, step("3.1"), RUNNER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenOnlyWindowsTooShortForTheExpectedDowntimeWhenPhaseTwoEndsThenNoneFitsAndTheUpgradeWaitsForARollback() {
        String tooShort = "2026-12-01T23:00:00Z/PT10S";

        inPhaseTwo(BEFORE_IT, tooShort)
                .when(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .expectEvents(outcome(step("2.2")), new NoMaintenanceWindowFits(UPGRADE_ID, EXPECTED,
                        ExpectedDowntime.ESTIMATE, List.of(new SkippedWindow(tooShort, ONE_OFF_OPENING.opens(),
                                Instant.parse("2026-12-01T23:00:10Z"), "it lasts 10s and the expected downtime is 22s"))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAnUpgradeWaitingForItsWindowWhenARunIsAskedForThenItIsRefusedSayingWhenANodeStartsTheDowntime() {
        inPhaseTwo(BEFORE_IT, ONE_OFF)
                .andGivenCommands(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .when(new StartRun(UPGRADE_ID, RUNNER, null, true))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("upgrade makapix-pg17 waits for its maintenance window: a node (upshift serve) "
                        + "starts Phase 3 at 2026-12-01T23:00:00Z (" + ONE_OFF + "); `upshift rollback makapix-pg17 --yes` "
                        + "gives it up");
    }

    @Test
    void givenAnUpgradeWaitingForItsWindowWhenRolledBackThenItsDeadlineIsCancelled() {
        inPhaseTwo(BEFORE_IT, ONE_OFF)
                .andGivenCommands(new CompleteStep(UPGRADE_ID, outcome(step("2.2"))))
                .when(new InitiateRollback(UPGRADE_ID, "requested by the operator", "quick", false, RUNNER))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    /** The sample upgrade, approved, in these windows, with 2.2 under way at {@code now}. */
    private TestExecutor<Upgrade> inPhaseTwo(Instant now, String... windows) {
        List<Object> history = running(step("2.2"));
        history.set(0, new UpgradePlanned(UPGRADE_ID, SamplePlans.makapixInWindows(windows)));
        return fixture.givenCurrentTime(now).andGiven(history);
    }
}
