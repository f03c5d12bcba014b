package dev.upshift.orchestrator.process;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;

import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.BaselineCaptured;
import dev.upshift.orchestrator.api.CompleteRollback;
import dev.upshift.orchestrator.api.ComposeFileReverted;
import dev.upshift.orchestrator.api.DependentsStopped;
import dev.upshift.orchestrator.api.DowntimeApproved;
import dev.upshift.orchestrator.api.InitiateRollback;
import dev.upshift.orchestrator.api.PauseRun;
import dev.upshift.orchestrator.api.RollbackInitiated;
import dev.upshift.orchestrator.api.RunResumed;
import dev.upshift.orchestrator.api.RunStarted;
import dev.upshift.orchestrator.api.StepFailed;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepOutcome;
import dev.upshift.orchestrator.api.WaitAtGate;
import dev.upshift.orchestrator.api.CompatibilityChecked;
import dev.upshift.orchestrator.api.PassPreflight;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.PreflightFailed;
import dev.upshift.orchestrator.api.PreflightStarted;
import dev.upshift.orchestrator.api.RunStep;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.UpgradePlanned;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpgradeSagaTest {

    private static final Runbook RUNBOOK = Runbook.of(SamplePlans.makapix());
    private static final List<Step> CHECKS = RUNBOOK.inPhase(Phase.PREFLIGHT);
    private static final UpgradePlanned PLANNED = new UpgradePlanned(UPGRADE_ID, SamplePlans.makapix());

    private SagaTestFixture<UpgradeSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(UpgradeSaga.class);
        fixture.registerResource(new ThisProcess(RUNNER));
    }

    @Test
    void givenNothingWhenAnUpgradeIsPlannedThenASagaStartsAndWaits() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(PLANNED)
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void givenAPlanWhenPreflightStartsThenTheFirstCheckRuns() {
        fixture.givenAPublished(PLANNED)
                .whenPublishingA(new PreflightStarted(UPGRADE_ID, RUNNER))
                .expectDispatchedCommands(new RunStep(UPGRADE_ID, CHECKS.get(0)));
    }

    @Test
    void givenPreflightRunningWhenTheBaselineIsCapturedThenTheDiskSpaceCheckRuns() {
        fixture.givenAPublished(PLANNED).andThenAPublished(new PreflightStarted(UPGRADE_ID, RUNNER))
                .whenPublishingA(new BaselineCaptured(UPGRADE_ID, CHECKS.get(0), SamplePlans.baseline()))
                .expectDispatchedCommands(new RunStep(UPGRADE_ID, CHECKS.get(1)));
    }

    @Test
    void givenPreflightRunningWhenTheLastCheckCompletesThenPreflightPasses() {
        fixture.givenAPublished(PLANNED).andThenAPublished(new PreflightStarted(UPGRADE_ID, RUNNER))
                .whenPublishingA(new CompatibilityChecked(UPGRADE_ID, CHECKS.get(3), "postgres:17-alpine",
                        "sha256:7cd12b4b", "17.7", List.of("pgcrypto")))
                .expectDispatchedCommands(new PassPreflight(UPGRADE_ID));
    }

    @Test
    void givenPreflightRunningWhenACheckFailsThenNothingMoreRunsAndTheUpgradeWaitsAtTheGate() {
        fixture.givenAPublished(PLANNED).andThenAPublished(new PreflightStarted(UPGRADE_ID, RUNNER))
                .whenPublishingA(new PreflightFailed(UPGRADE_ID, CHECKS.get(2), "api is exited"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void givenARunWithoutApprovalWhenPhaseTwoEndsThenTheSagaWaitsAtTheGate() {
        fixture.givenAPublished(PLANNED)
                .andThenAPublished(new RunStarted(UPGRADE_ID, RUNNER, null))
                .whenPublishingA(outcome(step("2.2")))
                .expectDispatchedCommands(new WaitAtGate(UPGRADE_ID));
    }

    @Test
    void givenAnApprovedRunWhenPhaseTwoEndsThenTheDowntimeStarts() {
        fixture.givenAPublished(PLANNED)
                .andThenAPublished(new DowntimeApproved(UPGRADE_ID))
                .andThenAPublished(new RunStarted(UPGRADE_ID, RUNNER, null))
                .whenPublishingA(outcome(step("2.2")))
                .expectDispatchedCommands(new RunStep(UPGRADE_ID, step("3.1")));
    }

    @Test
    void givenARunUntilAStepWhenThatStepEndsThenTheRunPauses() {
        fixture.givenAPublished(PLANNED)
                .andThenAPublished(new DowntimeApproved(UPGRADE_ID))
                .andThenAPublished(new RunStarted(UPGRADE_ID, RUNNER, "3.5"))
                .whenPublishingA(outcome(step("3.5")))
                .expectDispatchedCommands(new PauseRun(UPGRADE_ID, "3.5"));
    }

    @Test
    void givenARunOfAnotherProcessWhenAStepEndsThenThisProcessLeavesItToItsOwner() {
        fixture.givenAPublished(PLANNED)
                .andThenAPublished(new RunStarted(UPGRADE_ID, "bob, pid 7 on db-host-2", null))
                .whenPublishingA(outcome(step("1.1")))
                .expectNoDispatchedCommands();
    }

    @Test
    void givenARunningUpgradeWhenAStepFailsThenTheCompensationStartsAutomatically() {
        fixture.givenAPublished(PLANNED)
                .andThenAPublished(new RunStarted(UPGRADE_ID, RUNNER, null))
                .whenPublishingA(new StepFailed(UPGRADE_ID, step("3.5"), "pg_restore failed"))
                .expectDispatchedCommands(new InitiateRollback(UPGRADE_ID,
                        "step 3.5 Start the new server and restore the final dump failed: pg_restore failed",
                        "quick", true, false, RUNNER));
    }

    @Test
    void givenAnInterruptedRunWhenAnotherProcessResumesThenItRedoesTheStepInProgress() {
        fixture.givenAPublished(PLANNED)
                .andThenAPublished(new RunStarted(UPGRADE_ID, "bob, pid 7 on db-host-2", null))
                .whenPublishingA(new RunResumed(UPGRADE_ID, RUNNER, step("3.5")))
                .expectDispatchedCommands(new RunStep(UPGRADE_ID, step("3.5")));
    }

    @Test
    void givenARollbackWhenItsLastStepEndsThenTheRollbackCompletesAndTheSagaEnds() {
        Step only = new Step("R.1", StepKind.REVERT_COMPOSE_FILE, null);
        fixture.givenAPublished(PLANNED)
                .andThenAPublished(new RollbackInitiated(UPGRADE_ID, "step 2.2 failed", step("2.2"), "quick", true,
                        List.of(only), RUNNER))
                .whenPublishingA(new ComposeFileReverted(UPGRADE_ID, only, "/opt/makapix/docker-compose.yml"))
                .expectDispatchedCommands(new CompleteRollback(UPGRADE_ID));
    }

    private static Step step(String number) {
        return RUNBOOK.steps().stream().filter(step -> step.number().equals(number)).findFirst().orElseThrow();
    }

    /** Any outcome will do: the saga reads only its step. */
    private static StepOutcome outcome(Step step) {
        return new DependentsStopped(UPGRADE_ID, step, List.of());
    }
}
