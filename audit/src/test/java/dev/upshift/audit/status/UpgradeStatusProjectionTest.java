package dev.upshift.audit.status;

import static dev.upshift.audit.InMemoryReadModels.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.InMemoryReadModels;
import dev.upshift.audit.SampleHistory;
import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.events.RehearsalCompleted;
import dev.upshift.orchestrator.api.events.RehearsalFailed;
import dev.upshift.orchestrator.api.events.RehearsalStarted;
import dev.upshift.orchestrator.api.queries.FindUpgrade;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Current" is the server that runs the database now; the baseline stays what Phase 0 saw. */
class UpgradeStatusProjectionTest {

    private static final Instant PLANNED = Instant.parse("2025-12-15T19:55:00Z");
    private static final Instant NEW_SERVER_STARTED = Instant.parse("2025-12-15T20:13:01Z");

    private final InMemoryReadModels store = new InMemoryReadModels();
    private final UpgradeStatusProjection statuses = new UpgradeStatusProjection(store.jdbc(), new ObjectMapper());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givenAPlannedUpgradeWhenProjectedThenTheSourceImageRunsAndNoVersionIsKnownYet() {
        UpgradeView view = project(SampleHistory.completed().until(PLANNED));

        assertThat(view.status()).isEqualTo(UpgradeStatus.PLANNED);
        assertThat(view.currentImage()).isEqualTo("postgres:16-alpine");
        assertThat(view.currentVersion()).isNull();
        assertThat(view.baseline()).isNull();
    }

    @Test
    void givenTheDowntimeUnderWayBeforeTheNewServerWhenProjectedThenTheOldServerAsPhase0SawItIsCurrent() {
        UpgradeView view = project(SampleHistory.completed().until(SampleHistory.DATABASE_STOPPED));

        assertThat(view.status()).isEqualTo(UpgradeStatus.RUNNING);
        assertThat(view.currentImage()).isEqualTo("postgres:16-alpine");
        assertThat(view.currentVersion()).isEqualTo("16.11");
    }

    @Test
    void givenTheNewServerStartedButNotVerifiedWhenProjectedThenItsImageIsCurrentWithNoVersionYet() {
        UpgradeView view = project(SampleHistory.completed().until(NEW_SERVER_STARTED));

        assertThat(view.currentImage()).isEqualTo("postgres:17-alpine");
        assertThat(view.currentVersion()).isNull();
    }

    @Test
    void givenACompletedUpgradeWhenProjectedThenTheTargetAndTheVersionVerifiedAt36AreCurrentAndTheBaselineIsKept() {
        UpgradeView view = project(SampleHistory.completed());

        assertThat(view.status()).isEqualTo(UpgradeStatus.COMPLETED);
        assertThat(view.currentImage()).isEqualTo("postgres:17-alpine");
        assertThat(view.currentVersion()).isEqualTo("17.7");
        assertThat(view.baseline().serverVersion()).isEqualTo("16.11");
    }

    @Test
    void givenARolledBackUpgradeWhenProjectedThenTheOldImageAndTheVersionTheRollbackVerifiedAreCurrent() {
        UpgradeView view = project(SampleHistory.rolledBackAtTheApi());

        assertThat(view.status()).isEqualTo(UpgradeStatus.ROLLED_BACK);
        assertThat(view.currentImage()).isEqualTo("postgres:16-alpine");
        assertThat(view.currentVersion()).isEqualTo("16.11");
    }

    @Test
    void givenAPlanOnAnEngineOfItsOwnWhenProjectedThenTheViewNamesThatEngine() {
        UpgradeView view = project(SampleHistory.planned(SamplePlans.makapix("tcp://10.0.4.12:2375")));

        assertThat(view.engine()).isEqualTo("tcp://10.0.4.12:2375");
    }

    @Test
    void givenAPlanThatNamesNoEngineWhenProjectedThenTheViewNamesNoneForTheDriverToUseItsOwn() {
        UpgradeView view = project(SampleHistory.completed());

        assertThat(view.engine()).isNull();
    }

    @Test
    void givenTwoRehearsalsWhenProjectedThenTheLastOneThatCompletedGivesTheExpectedDowntime() {
        String first = SampleHistory.ID + "-rehearsal-1";
        String second = SampleHistory.ID + "-rehearsal-2";
        SampleHistory history = SampleHistory.planned(SamplePlans.makapix())
                .then(new RehearsalStarted(SampleHistory.ID, first, "makapix-rehearsal"))
                .then(new RehearsalCompleted(SampleHistory.ID, first, Duration.ofMillis(7_250), List.of()))
                .then(new RehearsalStarted(SampleHistory.ID, second, "makapix-rehearsal"))
                .then(new RehearsalFailed(SampleHistory.ID, second, "3.5 Start the new server", "it exited"));

        assertThat(project(SampleHistory.planned(SamplePlans.makapix())).expectedDowntime()).isNull();
        store.jdbc().update("DELETE FROM upgrade_status");
        assertThat(project(history).expectedDowntime()).isEqualTo(Duration.ofMillis(7_250));
    }

    private UpgradeView project(SampleHistory history) {
        feed(statuses, history.tracked(1));
        return statuses.handle(new FindUpgrade(SampleHistory.ID));
    }
}
