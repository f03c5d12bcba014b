package dev.upshift.audit.trail;

import static dev.upshift.audit.InMemoryReadModels.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.upshift.audit.InMemoryReadModels;
import dev.upshift.audit.SampleHistory;
import dev.upshift.orchestrator.api.queries.AuditEntry;
import dev.upshift.orchestrator.api.queries.FindAuditTrail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditTrailProjectionTest {

    private final InMemoryReadModels store = new InMemoryReadModels();
    private final AuditTrailProjection trail = new AuditTrailProjection(store.jdbc());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givenACompletedUpgradeWhenProjectedThenEveryEventIsThereInStoreOrderWithWhoWhenAndWhat() {
        SampleHistory history = SampleHistory.completed();
        feed(trail, history.tracked(100));

        List<AuditEntry> entries = trail.handle(FindAuditTrail.of(SampleHistory.ID));

        assertThat(entries).hasSize(history.payloads().size());
        assertThat(entries).extracting(AuditEntry::position).isSorted().startsWith(100L, 101L);
        assertThat(entries).extracting(AuditEntry::sequence).startsWith(0L, 1L, 2L);
        assertThat(entries.get(0).type()).isEqualTo("UpgradePlanned");
        assertThat(entries.get(0).actor()).isEqualTo(SampleHistory.PLANNER);
        assertThat(entries.get(0).summary()).isEqualTo("Planned: makapix/db from postgres:16-alpine to "
                + "postgres:17-alpine (dump-restore), dependents web, worker, api");
        assertThat(entries).extracting(AuditEntry::host).containsOnly(SampleHistory.HOST);
        assertThat(entries.get(entries.size() - 1).summary())
                .isEqualTo("Upgrade completed: the stack serves on the new version");
    }

    @Test
    void givenOutcomesWhenProjectedThenTheirSummaryIsTheExecutionLogsNote() {
        feed(trail, SampleHistory.completed().tracked(1));

        List<AuditEntry> baseline = trail.handle(new FindAuditTrail(null, null, null, "BaselineCaptured", null));
        List<AuditEntry> stopped = trail.handle(new FindAuditTrail(null, null, null, "ServiceStopped", null));

        assertThat(baseline).singleElement().extracting(AuditEntry::summary)
                .isEqualTo("0.1 done: PG 16.11, 16.0 MB, 2 tables, 18 users, 37 posts, alembic 20251214000000");
        assertThat(stopped).extracting(AuditEntry::summary).containsExactly("Stopped web (makapix-web-1)",
                "Stopped worker (makapix-worker-1)", "Stopped api (makapix-api-1)");
    }

    @Test
    void givenTwoUpgradesWhenFilteredByIdTimeTypeAndActorThenOnlyTheMatchingEventsRemain() {
        feed(trail, SampleHistory.completed().tracked(1));
        feed(trail, SampleHistory.completed("other").tracked(1000));

        List<AuditEntry> window = trail.handle(new FindAuditTrail(SampleHistory.ID, SampleHistory.DOWNTIME_STARTS,
                SampleHistory.SERVICES_RESTORED, null, null));
        List<AuditEntry> plannedByBob = trail.handle(new FindAuditTrail(null, null, null, null, SampleHistory.PLANNER));
        List<AuditEntry> fencedInOther = trail.handle(new FindAuditTrail("other", null, null, "DatabaseFenced", null));

        assertThat(window).extracting(AuditEntry::upgradeId).containsOnly(SampleHistory.ID);
        assertThat(window.get(0).time()).isEqualTo(SampleHistory.DOWNTIME_STARTS);
        assertThat(window.get(0).type()).isEqualTo("ServiceStopped");
        assertThat(window.get(window.size() - 1).type()).isEqualTo("ServicesRestored");
        assertThat(plannedByBob).extracting(AuditEntry::type).containsExactly("UpgradePlanned", "UpgradePlanned");
        assertThat(fencedInOther).singleElement().extracting(AuditEntry::summary).isEqualTo("Database fenced: new "
                + "connections refused (limit was -1), 2 sessions ended, rows of 2 tables counted");
    }

    @Test
    void givenAnEventDeliveredTwiceWhenProjectedThenItIsListedOnce() {
        SampleHistory history = SampleHistory.completed();
        feed(trail, history.tracked(1));
        feed(trail, history.tracked(1).subList(0, 3));

        assertThat(trail.handle(FindAuditTrail.of(SampleHistory.ID))).hasSize(history.payloads().size());
    }

    @Test
    void givenATrailWhenResetThenItIsEmpty() {
        feed(trail, SampleHistory.completed().tracked(1));

        InMemoryReadModels.reset(trail);

        assertThat(trail.handle(FindAuditTrail.of(null))).isEmpty();
    }
}
