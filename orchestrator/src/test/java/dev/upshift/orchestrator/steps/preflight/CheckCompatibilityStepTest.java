package dev.upshift.orchestrator.steps.preflight;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.junit.jupiter.api.Test;

/** 0.5 takes the target image's contents from 0.4's event; the stack and the image are not asked first. */
class CheckCompatibilityStepTest {

    private static final String ID = SamplePlans.UPGRADE_ID;

    @Test
    void givenA04EventOfAnEarlierUpshiftThatListedNothingWhenRunThenTheStepFailsAskingForThePreflightAgain() {
        UpgradeHistory history = new UpgradeHistory(List.of(new UpgradePlanned(ID, SamplePlans.makapix()),
                new CompatibilityChecked(ID, new Step("0.4", StepKind.TARGET_COMPATIBILITY, null), "postgres:17",
                        "sha256:7cd12b4b", "17.7", List.of("pg_trgm"), null, null, null, null, null)));

        assertThatThrownBy(() -> new CheckCompatibilityStep(null, null)
                .execute(new Step("0.5", StepKind.COMPATIBILITY, null), history, null))
                .isInstanceOf(StepFailure.class)
                .hasMessage("0.4 did not list what the target image ships (an earlier Upshift ran it); run preflight again");
    }
}
