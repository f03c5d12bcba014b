package dev.upshift.audit.summary;

import static dev.upshift.audit.InMemoryReadModels.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.upshift.audit.InMemoryReadModels;
import dev.upshift.audit.SampleHistory;
import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.events.DependentsRestarted;
import dev.upshift.orchestrator.api.events.DependentsStopped;
import dev.upshift.orchestrator.api.queries.FindUpgradeSummary;
import dev.upshift.orchestrator.api.queries.UpgradeSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpgradeSummaryProjectionTest {

    private final InMemoryReadModels store = new InMemoryReadModels();
    private final UpgradeSummaryProjection summaries = new UpgradeSummaryProjection(store.jdbc());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givenACompletedUpgradeWhenProjectedThenVersionsTimesAndDowntimeComeFromTheEvents() {
        SampleHistory history = SampleHistory.completed();
        feed(summaries, history.tracked(1));

        UpgradeSummary summary = summary();

        assertThat(summary.sourceVersion()).isEqualTo("16.11");
        assertThat(summary.targetVersion()).isEqualTo("17.7");
        assertThat(summary.method()).isEqualTo("dump-restore");
        assertThat(summary.status()).isEqualTo(UpgradeStatus.COMPLETED);
        assertThat(summary.started()).isEqualTo(Instant.parse("2025-12-15T19:55:04Z"));
        assertThat(summary.ended()).isEqualTo(history.lastTime());
        assertThat(summary.downtimeStarted()).isEqualTo(SampleHistory.DOWNTIME_STARTS);
        assertThat(summary.downtimeEnded()).isEqualTo(SampleHistory.SERVICES_RESTORED);
        assertThat(summary.downtime()).isEqualTo(Duration.ofMinutes(4));
        assertThat(summary.downtimeOngoing()).isFalse();
        assertThat(summary.rolledBack()).isFalse();
        assertThat(summary.timeToRollback()).isNull();
        assertThat(summary.dataVolume()).isEqualTo("makapix_pg_data");
        assertThat(summary.newVolume()).isEqualTo("makapix_pg_data_pg17");
    }

    @Test
    void givenTheDependentsStillStoppedWhenProjectedThenTheDowntimeRunsUpToTheLastEvent() {
        SampleHistory history = SampleHistory.completed().until(SampleHistory.DATABASE_STOPPED);
        feed(summaries, history.tracked(1));

        UpgradeSummary summary = summary();

        assertThat(summary.status()).isEqualTo(UpgradeStatus.RUNNING);
        assertThat(summary.downtimeOngoing()).isTrue();
        assertThat(summary.downtime()).isEqualTo(Duration.between(SampleHistory.DOWNTIME_STARTS,
                SampleHistory.DATABASE_STOPPED));
        assertThat(summary.ended()).isNull();
    }

    @Test
    void givenTheApiUnhealthyOn17WhenRolledBackThenWhyAndHowLongTheRollbackTookAreKept() {
        feed(summaries, SampleHistory.rolledBackAtTheApi().tracked(1));

        UpgradeSummary summary = summary();

        assertThat(summary.status()).isEqualTo(UpgradeStatus.ROLLED_BACK);
        assertThat(summary.rolledBack()).isTrue();
        assertThat(summary.failedStep()).isEqualTo("4.1 Start api");
        assertThat(summary.rollbackReason()).startsWith("step 4.1 Start api failed: api is running (unhealthy)");
        assertThat(summary.rollbackStarted()).isEqualTo(Instant.parse("2025-12-15T20:17:01Z"));
        assertThat(summary.timeToRollback()).isEqualTo(Duration.ofSeconds(15));
        assertThat(summary.downtime()).isEqualTo(Duration.between(SampleHistory.DOWNTIME_STARTS,
                Instant.parse("2025-12-15T20:17:15Z")));
        assertThat(summary.ended()).isEqualTo(Instant.parse("2025-12-15T20:17:16Z"));
        assertThat(summary.targetVersion()).as("the new server ran 17.7 before it was removed").isEqualTo("17.7");
    }

    @Test
    void givenTheServicesBackThenStoppedAgainForARollbackWhenProjectedThenOnlyTheTimeTheyWereDownCounts() {
        Step stop = new Step("R.1", StepKind.STOP_STARTED_DEPENDENTS, null);
        Step restart = new Step("R.2", StepKind.RESTART_DEPENDENTS, null);
        SampleHistory history = SampleHistory.completed()
                .at(Instant.parse("2025-12-15T21:00:00Z"))
                .then(new DependentsStopped(SampleHistory.ID, stop, List.of("web", "worker", "api")))
                .at(Instant.parse("2025-12-15T21:01:30Z"))
                .then(new DependentsRestarted(SampleHistory.ID, restart,
                        List.of(new ServiceHealth("api", "makapix-api-1", "running", "healthy"))));
        feed(summaries, history.tracked(1));

        UpgradeSummary summary = summary();

        assertThat(summary.downtime()).isEqualTo(SampleHistory.downtime().plusSeconds(90));
        assertThat(summary.downtimeStarted()).isEqualTo(SampleHistory.DOWNTIME_STARTS);
        assertThat(summary.downtimeEnded()).isEqualTo(Instant.parse("2025-12-15T21:01:30Z"));
    }

    @Test
    void givenNoDependentStoppedWhenProjectedThenThereWasNoDowntime() {
        feed(summaries, SampleHistory.completed().until(SampleHistory.DOWNTIME_STARTS.minusSeconds(1)).tracked(1));

        assertThat(summary().downtime()).isNull();
        assertThat(summary().downtimeOngoing()).isFalse();
    }

    @Test
    void givenSummariesWhenResetThenThereAreNone() {
        feed(summaries, SampleHistory.completed().tracked(1));

        InMemoryReadModels.reset(summaries);

        assertThat(summary()).isNull();
    }

    private UpgradeSummary summary() {
        return summaries.handle(new FindUpgradeSummary(SampleHistory.ID));
    }
}
