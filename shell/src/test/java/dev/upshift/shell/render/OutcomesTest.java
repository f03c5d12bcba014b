package dev.upshift.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.upshift.audit.SampleHistory;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.queries.DowntimeWindow;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    @Test
    void givenARollbackAfterAFailedStepWhenToldThenItSaysWhy() {
        UpgradeAt state = SamplePostMortems.rolledBack();

        assertThat(Outcomes.text(state.upgrade(), state.log()))
                .contains("Rolled back: 4.1: api is running (unhealthy)", "serves on postgres:16-alpine again");
    }

    @Test
    void givenARollbackTheOperatorAskedForWhenToldThenItSaysSoRatherThanNull() {
        UpgradeView rolledBack = new UpgradeView("to17", UpgradeStatus.ROLLED_BACK, "makapix", "db", "postgres:16-alpine",
                "postgres:17-alpine", "postgres:16-alpine", "16.11", "dump-restore", List.of("web"),
                Instant.parse("2025-12-15T19:55:00Z"), Instant.parse("2025-12-15T21:00:00Z"), null, null,
                SampleHistory.baseline(), "alice, pid 4242 on ops-1", null, null, null);

        assertThat(Outcomes.text(rolledBack, List.of())).contains("Rolled back as asked.").doesNotContain("null");
    }

    @Test
    void givenAnUpgradeWaitingForItsWindowWhenToldThenItSaysWhenTheDowntimeStartsAndThatANodeMustServe() {
        DowntimeWindow window = new DowntimeWindow(List.of("Wed 00:00-01:00 Europe/Berlin"), "Wed 00:00-01:00 Europe/Berlin",
                Instant.parse("2026-12-01T23:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"), Duration.ofSeconds(22),
                "estimate");
        UpgradeView waiting = new UpgradeView("to17", UpgradeStatus.AWAITING_WINDOW, "makapix", "db", "postgres:16-alpine",
                "postgres:17-alpine", "postgres:16-alpine", "16.11", "dump-restore", List.of("web"),
                Instant.parse("2026-12-01T19:55:00Z"), Instant.parse("2026-12-01T20:00:00Z"), null, null,
                SampleHistory.baseline(), "the nodes (upshift serve)", null, null, window);

        assertThat(Outcomes.text(waiting, List.of())).contains("Phase 3 waits for its maintenance window "
                + "Wed 00:00-01:00 Europe/Berlin: the downtime (22s expected (estimate)) starts at 2026-12-01 23:00:00 UTC",
                "`upshift serve`", "upshift log to17");
    }
}
