package dev.upshift.orchestrator.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.api.Baseline.TableRows;
import org.junit.jupiter.api.Test;

/** pg_dump's and pg_restore's verbose stderr, as PostgreSQL 15 prints it, read as progress. */
class VerboseProgressTest {

    @Test
    void givenPgDumpVerboseWhenEachTableStartsThenTheRowsOfTheTablesBeforeItAreDoneOfAllRows() {
        List<Long> done = new ArrayList<>();
        PgDumpProgress progress = PgDumpProgress.of(List.of(new TableRows("public", "posts", 300),
                        new TableRows("public", "users", 100), new TableRows("audit", "posts", 600)),
                (activity, total, unit) -> {
                    assertThat(activity + " " + total + " " + unit).isEqualTo("dumping 1000 rows");
                    return done::add;
                });

        for (String line : List.of("pg_dump: reading extensions", "pg_dump: saving database definition",
                "pg_dump: dumping contents of table \"audit.posts\"", "pg_dump: dumping contents of table \"public.posts\"",
                "pg_dump: dumping contents of table \"public.users\"")) {
            progress.accept(line);
        }

        assertThat(done).containsExactly(0L, 600L, 900L);
    }

    @Test
    void givenPgRestoreVerboseWhenEachEntryStartsThenTheEntriesBeforeItAreDone() {
        List<Long> done = new ArrayList<>();
        PgRestoreProgress progress = new PgRestoreProgress(4, (activity, total, unit) -> done::add);

        for (String line : List.of("pg_restore: connecting to database for restore",
                "pg_restore: creating TABLE \"public.posts\"", "pg_restore: processing data for table \"public.posts\"",
                "pg_restore: executing SEQUENCE SET posts_id_seq", "pg_restore: creating INDEX \"public.posts_t_idx\"")) {
            progress.accept(line);
        }

        assertThat(done).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void givenAPgRestoreListingWhenCountedThenEveryEntryButTheCommentsCounts() {
        String listing = """
                ;
                ; Archive created at 2026-11-30 19:11:26 UTC
                ;     TOC Entries: 19
                ;
                217; 1259 16395 TABLE public posts owner
                3356; 0 16395 TABLE DATA public posts owner

                3210; 1259 16403 INDEX public posts_t_idx owner
                """;

        assertThat(PgRestoreProgress.entriesIn(listing)).isEqualTo(3);
    }

    @Test
    void givenAVerboseToolThatFailedWhenItsStderrIsReadForTheReasonThenOnlyTheErrorLinesRemain() {
        String stderr = """
                pg_restore: connecting to database for restore
                pg_restore: creating TABLE "public.posts"
                pg_restore: error: could not execute query: ERROR:  relation "posts" already exists
                Command was: CREATE TABLE public.posts (id integer);
                pg_restore: warning: errors ignored on restore: 1
                """;

        assertThat(PgToolOutput.errors(stderr)).isEqualTo("""
                pg_restore: error: could not execute query: ERROR:  relation "posts" already exists
                Command was: CREATE TABLE public.posts (id integer);
                pg_restore: warning: errors ignored on restore: 1""");
    }
}
