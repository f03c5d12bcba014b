package dev.upshift.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.audit.integrity.ChainVerdict;
import dev.upshift.orchestrator.SamplePlans;
import org.junit.jupiter.api.Test;

class PostMortemReportTest {

    private static final String TIMELINE = "makapix-pg17-timeline.svg";
    private static final String HEAD = "3f".repeat(32);
    private static final ChainVerdict CHAIN = new ChainVerdict("makapix-pg17", ChainVerdict.Status.INTACT, 40, 0, HEAD, null);

    @Test
    void givenAnIntactHistoryWhenReportedThenTheHeaderPinsTheReportToItsHeadDigest() {
        String report = PostMortemReport.markdown(SamplePlans.makapix(), SamplePostMortems.completed(), TIMELINE, CHAIN);

        assertThat(report).contains("> **History:** makapix-pg17: intact, 40 events, head digest " + HEAD + "\n");
    }

    @Test
    void givenACompletedUpgradeWhenReportedThenTheExecutiveSummaryHasTheRunbooksFigures() {
        String report = squeezed(PostMortemReport.markdown(SamplePlans.makapix(), SamplePostMortems.completed(), TIMELINE, CHAIN));

        assertThat(report).startsWith("# PostgreSQL Upgrade Post-Mortem: makapix-pg17 (makapix)\n\n> **Status:** ✅ COMPLETED")
                .contains("> **Actual Downtime:** 4m 0s (20:12:00 – 20:16:00 UTC)")
                .contains("| **Current Version** | PostgreSQL 16.11 (`postgres:16-alpine`)")
                .contains("| **Target Version** | PostgreSQL 17.7 (`postgres:17-alpine`) ✅ UPGRADED")
                .contains("| **Database Name** | `makapix`")
                .contains("| **Database Size** | 16.0 MB")
                .contains("| **Users** | 18")
                .contains("| **Posts** | 37")
                .contains("| **Root User** | `owner` (Superuser)")
                .contains("| **Data Volume** | `makapix_pg_data` (kept) → `makapix_pg_data_pg17`")
                .contains("| **Actual Downtime** | 4m 0s (20:12:00 – 20:16:00 UTC)")
                .contains("![Timeline of makapix-pg17](makapix-pg17-timeline.svg)")
                .contains("Nothing was rolled back.");
    }

    @Test
    void givenACompletedUpgradeWhenReportedThenItHasTheExecutionLogAndTheStatusTableOfEachMoment() {
        String report = squeezed(PostMortemReport.markdown(SamplePlans.makapix(), SamplePostMortems.completed(), TIMELINE, CHAIN));

        assertThat(report).contains("## Execution Log", "| Phase 0.1 Verify current environment (baseline) |",
                "| Phase 5.3 Smoke queries |");
        assertThat(report).containsSubsequence("### Before upgrade (from 19:55:00 UTC)",
                "### During Phase 1-2 (backup, prepare)", "### During Phase 3.1-3.2 (services stopping) (from 20:11:59 UTC)",
                "| site | ❌ Down", "| database | ❌ Stopped", "### During Phase 3.3-3.5 (database migration)",
                "### During Phase 3.6-3.7 (verification)", "### During Phase 4 (services restarting)",
                "### During Phase 5 (validation)", "### After Phase 5", "| site | ✅ Online", "## Rollback");
    }

    @Test
    void givenARolledBackUpgradeWhenReportedThenItSaysWhatWasUndoneAndWhy() {
        String report = squeezed(PostMortemReport.markdown(SamplePlans.makapix(), SamplePostMortems.rolledBack(), TIMELINE, CHAIN));

        assertThat(report).contains("> **Status:** ↩️ ROLLED BACK", "↩️ ROLLED BACK |", "| **Time to Rollback** | 15s")
                .contains("because: step 4.1 Start api failed: api is running (unhealthy)")
                .contains("- **Failed step:** 4.1 Start api")
                .contains("- **Outcome:** rolled back in 15s; the stack serves on postgres:16-alpine again")
                .contains("- R.1 Stop the dependents started on the new version: DONE (Stopped web, worker, api)")
                .contains("- R.7 Start the dependents again: DONE")
                .contains("### During rollback", "### After rollback");
    }

    /** Table columns are padded for the terminal; the tests read them with single spaces. */
    private static String squeezed(String markdown) {
        return markdown.replaceAll(" {2,}", " ");
    }
}
