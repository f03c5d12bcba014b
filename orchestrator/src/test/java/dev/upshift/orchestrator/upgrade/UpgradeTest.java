package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;

import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.FailStep;
import dev.upshift.orchestrator.api.commands.PlanUpgrade;
import dev.upshift.orchestrator.api.commands.StartPreflight;
import dev.upshift.orchestrator.api.commands.StartStep;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.CompatibilityChecksPassed;
import dev.upshift.orchestrator.api.events.DiskSpaceChecked;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.ServicesHealthChecked;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.upgrade.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpgradeTest {

    private static final Runbook RUNBOOK = Runbook.of(SamplePlans.makapix());
    private static final Step INSPECT = RUNBOOK.inPhase(Phase.PREFLIGHT).get(0);
    private static final Step DISK_SPACE = RUNBOOK.inPhase(Phase.PREFLIGHT).get(1);
    private static final Step SERVICE_HEALTH = RUNBOOK.inPhase(Phase.PREFLIGHT).get(2);
    private static final Step TARGET_IMAGE = RUNBOOK.inPhase(Phase.PREFLIGHT).get(3);
    private static final Step COMPATIBILITY = RUNBOOK.inPhase(Phase.PREFLIGHT).get(4);
    private static final UpgradePlanned PLANNED = new UpgradePlanned(UPGRADE_ID, SamplePlans.makapix());
    private static final BaselineCaptured BASELINE_CAPTURED =
            new BaselineCaptured(UPGRADE_ID, INSPECT, SamplePlans.baseline());

    private AggregateTestFixture<Upgrade> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Upgrade.class);
    }

    @Test
    void givenNothingWhenPlanningThenTheUpgradeIsPlanned() {
        fixture.givenNoPriorActivity()
                .when(new PlanUpgrade(UPGRADE_ID, SamplePlans.makapix()))
                .expectEvents(PLANNED);
    }

    @Test
    void givenAPlanWhenStartingPreflightThenPreflightStarts() {
        fixture.given(PLANNED)
                .when(new StartPreflight(UPGRADE_ID, RUNNER))
                .expectEvents(new PreflightStarted(UPGRADE_ID, RUNNER), new StepDue(UPGRADE_ID, INSPECT, RUNNER));
    }

    @Test
    void givenPreflightStartedWhenTheFirstCheckStartsThenItIsRecorded() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER))
                .when(new StartStep(UPGRADE_ID, INSPECT, RUNNER))
                .expectEvents(new StepStarted(UPGRADE_ID, INSPECT));
    }

    @Test
    void givenPreflightStartedWhenACheckIsSkippedThenTheRunbookOrderRefusesIt() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER))
                .when(new StartStep(UPGRADE_ID, DISK_SPACE, RUNNER))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("step 0.2 cannot start: the runbook's next step is "
                        + "0.1 Verify current environment (baseline)")
                .expectNoEvents();
    }

    @Test
    void givenOnlyAPlanWhenAStepStartsThenNoStepIsDue() {
        fixture.given(PLANNED)
                .when(new StartStep(UPGRADE_ID, INSPECT, RUNNER))
                .expectExceptionMessage("step 0.1 cannot start: no step is due now");
    }

    @Test
    void givenAStepInProgressWhenItStartsAgainThenItIsResumed() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER), new StepStarted(UPGRADE_ID, INSPECT))
                .when(new StartStep(UPGRADE_ID, INSPECT, RUNNER))
                .expectEvents(new StepStarted(UPGRADE_ID, INSPECT));
    }

    @Test
    void givenAStepInProgressWhenAnotherStepStartsThenItIsRefused() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER), new StepStarted(UPGRADE_ID, INSPECT))
                .when(new StartStep(UPGRADE_ID, DISK_SPACE, RUNNER))
                .expectExceptionMessage("step 0.2 cannot start: step 0.1 Verify current environment (baseline) "
                        + "is in progress");
    }

    @Test
    void givenAStepInProgressWhenPreflightStartsAgainThenItIsRefused() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER), new StepStarted(UPGRADE_ID, INSPECT))
                .when(new StartPreflight(UPGRADE_ID, RUNNER))
                .expectExceptionMessage("upgrade makapix-pg17 is running step 0.1 Verify current environment "
                        + "(baseline); wait for it, or `upshift resume makapix-pg17` if its process died");
    }

    @Test
    void givenAStepInProgressWhenItsOutcomeArrivesThenItIsRecordedAndTheNextCheckIsDue() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER), new StepStarted(UPGRADE_ID, INSPECT))
                .when(new CompleteStep(UPGRADE_ID, BASELINE_CAPTURED))
                .expectEvents(BASELINE_CAPTURED, new StepDue(UPGRADE_ID, DISK_SPACE, RUNNER));
    }

    @Test
    void givenAStepInProgressWhenAnotherStepsOutcomeArrivesThenItIsRefused() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER), new StepStarted(UPGRADE_ID, DISK_SPACE))
                .when(new CompleteStep(UPGRADE_ID, BASELINE_CAPTURED))
                .expectExceptionMessage("step 0.1 reported an outcome but step 0.2 Check free disk space is in progress");
    }

    @Test
    void givenAStepInProgressWhenItFailsThenPreflightFails() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER), new StepStarted(UPGRADE_ID, SERVICE_HEALTH))
                .when(new FailStep(UPGRADE_ID, SERVICE_HEALTH, "not every service is healthy: api is exited"))
                .expectEvents(new PreflightFailed(UPGRADE_ID, SERVICE_HEALTH,
                        "not every service is healthy: api is exited"));
    }

    @Test
    void givenEveryCheckButTheLastCompletedWhenTheLastCompletesThenThePreflightPassesAndNothingMoreIsDue() {
        List<Object> history = new ArrayList<>(allChecksCompleted());
        Object lastOutcome = history.remove(history.size() - 1);
        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, (StepOutcome) lastOutcome))
                .expectEvents(lastOutcome, new PreflightPassed(UPGRADE_ID));
    }

    @Test
    void givenAFailedPreflightWhenStartingItAgainThenItStartsOver() {
        fixture.given(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER), new StepStarted(UPGRADE_ID, INSPECT),
                        new PreflightFailed(UPGRADE_ID, INSPECT, "connection refused"))
                .when(new StartPreflight(UPGRADE_ID, RUNNER))
                .expectEvents(new PreflightStarted(UPGRADE_ID, RUNNER), new StepDue(UPGRADE_ID, INSPECT, RUNNER));
    }

    private static List<Object> allChecksCompleted() {
        return List.of(PLANNED, new PreflightStarted(UPGRADE_ID, RUNNER),
                new StepStarted(UPGRADE_ID, INSPECT), BASELINE_CAPTURED,
                new StepStarted(UPGRADE_ID, DISK_SPACE), new DiskSpaceChecked(UPGRADE_ID, DISK_SPACE, List.of()),
                new StepStarted(UPGRADE_ID, SERVICE_HEALTH), new ServicesHealthChecked(UPGRADE_ID, SERVICE_HEALTH, List.of()),
                new StepStarted(UPGRADE_ID, TARGET_IMAGE), new CompatibilityChecked(UPGRADE_ID, TARGET_IMAGE,
                        "postgres:17-alpine", "sha256:7cd12b4b", "17.7", List.of("pg_trgm", "pgcrypto"), null, null,
                        List.of(), List.of("pg_trgm.control", "pgcrypto.control"), List.of("C")),
                new StepStarted(UPGRADE_ID, COMPATIBILITY), new CompatibilityChecksPassed(UPGRADE_ID, COMPATIBILITY,
                        List.of("prepared transactions"), List.of()));
    }
}
