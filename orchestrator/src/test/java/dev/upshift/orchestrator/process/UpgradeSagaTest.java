package dev.upshift.orchestrator.process;

import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;

import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.BaselineCaptured;
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

    private static final List<Step> CHECKS = Runbook.of(SamplePlans.makapix()).inPhase(Phase.PREFLIGHT);
    private static final UpgradePlanned PLANNED = new UpgradePlanned(UPGRADE_ID, SamplePlans.makapix());

    private SagaTestFixture<UpgradeSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(UpgradeSaga.class);
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
                .whenPublishingA(new PreflightStarted(UPGRADE_ID))
                .expectDispatchedCommands(new RunStep(UPGRADE_ID, CHECKS.get(0)));
    }

    @Test
    void givenPreflightRunningWhenTheBaselineIsCapturedThenTheDiskSpaceCheckRuns() {
        fixture.givenAPublished(PLANNED).andThenAPublished(new PreflightStarted(UPGRADE_ID))
                .whenPublishingA(new BaselineCaptured(UPGRADE_ID, CHECKS.get(0), SamplePlans.baseline()))
                .expectDispatchedCommands(new RunStep(UPGRADE_ID, CHECKS.get(1)));
    }

    @Test
    void givenPreflightRunningWhenTheLastCheckCompletesThenPreflightPasses() {
        fixture.givenAPublished(PLANNED).andThenAPublished(new PreflightStarted(UPGRADE_ID))
                .whenPublishingA(new CompatibilityChecked(UPGRADE_ID, CHECKS.get(3), "postgres:17-alpine",
                        "sha256:7cd12b4b", "17.7", List.of("pgcrypto")))
                .expectDispatchedCommands(new PassPreflight(UPGRADE_ID));
    }

    @Test
    void givenPreflightRunningWhenACheckFailsThenNothingMoreRunsAndTheUpgradeWaitsAtTheGate() {
        fixture.givenAPublished(PLANNED).andThenAPublished(new PreflightStarted(UPGRADE_ID))
                .whenPublishingA(new PreflightFailed(UPGRADE_ID, CHECKS.get(2), "api is exited"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }
}
