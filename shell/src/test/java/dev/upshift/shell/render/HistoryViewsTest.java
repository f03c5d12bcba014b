package dev.upshift.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.api.queries.AuditEntry;
import dev.upshift.orchestrator.api.queries.StoredEvent;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import org.junit.jupiter.api.Test;

class HistoryViewsTest {

    private static final Instant AT = Instant.parse("2025-12-15T20:12:00Z");

    @Test
    void givenAnUpgradeAsItStoodWhenShownThenItHasItsStatusDowntimeLogAndCurrentComponentStatus() {
        UpgradeAt state = SamplePostMortems.completed();

        String shown = HistoryViews.at(state);

        assertThat(shown).startsWith("# Upgrade makapix-pg17 now (").contains("| Status ", "COMPLETED")
                .contains("| Downtime          | 4m 0s (20:12:00 – 20:16:00 UTC)")
                .contains("## Execution log", "| Phase 3.2 Stop the database")
                .contains("## Component status: After Phase 5", "| database  | ✅ Running | PG 17.7 accepting connections");
    }

    @Test
    void givenAuditEntriesWhenShownThenEachIsOneRowWithWhoAndWhat() {
        String shown = HistoryViews.audit(List.of(new AuditEntry(42, AT, "to17", 12, "ServiceStopped", "alice",
                "ops-1", "Stopped web (makapix-web-1)")));

        assertThat(shown).contains("| 42       | 2025-12-15 20:12:00 | to17    | ServiceStopped | alice@ops-1 | "
                + "Stopped web (makapix-web-1) |");
    }

    @Test
    void givenNoMatchingEntryWhenShownThenItSaysSo() {
        assertThat(HistoryViews.audit(List.of())).isEqualTo("No event matches.");
    }

    @Test
    void givenStoredEventsWhenShownThenThePayloadIsOneLineOfJson() {
        String shown = HistoryViews.events(List.of(new StoredEvent(0, AT, "DowntimeApproved", "payload",
                Map.of("actor", "alice", "host", "ops-1", "traceId", "t"))), payload -> "{\"upgradeId\":\"to17\"}");

        assertThat(shown).contains("| 0   | 2025-12-15 20:12:00 | DowntimeApproved | alice@ops-1 | {\"upgradeId\":\"to17\"} |");
    }
}
