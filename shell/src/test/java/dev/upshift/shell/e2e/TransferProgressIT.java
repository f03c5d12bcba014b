package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade of a database grown to 160 MB the way the benchmarks grow it, up to the restore: the dumps and the
 * restore record how far they are, sparsely, and `run` prints it as it comes. On a quiet machine each of those takes
 * 2–4 s, so the test records progress every half second ({@code UPSHIFT_PROGRESS_INTERVAL}) rather than every 3 s:
 * with the default a dump shorter than 3 s rightly records none, and the test would depend on the machine's speed.
 */
class TransferProgressIT {

    private static final Duration FILL_TIMEOUT = Duration.ofMinutes(4);
    private static final Set<String> DUMPS = Set.of("1.1", "1.2", "3.1");
    private static final Duration INTERVAL = Duration.ofMillis(500);

    @TempDir
    Path home;

    @Test
    void givenA160MbDatabaseWhenUpgradedThenItsDumpsAndRestoreRecordHowFarTheyAreEveryFewSeconds() {
        try (SampleStack stack = SampleStack.start()) {
            fill(stack, 160);
            Upshift upshift = Upshift.planned(home, stack, "upshift-testbed/postgres:17", "big")
                    .withEnvironment("UPSHIFT_PROGRESS_INTERVAL", INTERVAL.toString());

            Upshift.Result run = upshift.run("run", "big", "--yes", "--until", "3.5");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<Upshift.StoredEvent> progress = upshift.events("TransferProgressed");
            assertThat(progress).as("a dump reported how far it was").anyMatch(event -> DUMPS.contains(step(event))
                    && text(event, "activity").equals("dumping") && text(event, "unit").equals("rows"));
            assertThat(progress).as("the restore reported how far it was").anyMatch(event -> step(event).equals("3.5")
                    && text(event, "activity").equals("restoring") && text(event, "unit").equals("entries"));
            for (Upshift.StoredEvent event : progress) {
                assertThat(event.payload().get("done").asLong()).as("the end is the outcome's to say: " + event)
                        .isLessThan(event.payload().get("total").asLong());
            }
            assertSparse(progress);
            assertThat(run.stdout()).as("printed as it came, one line per report through a pipe")
                    .containsPattern("\\d\\d:\\d\\d:\\d\\d …      3\\.5 restoring: [\\d ]+ of [\\d ]+ entries \\(\\d+ %\\)");
        }
    }

    /** Reports of one step are at least the meter's interval apart (the store keeps milliseconds). */
    private static void assertSparse(List<Upshift.StoredEvent> progress) {
        for (int i = 1; i < progress.size(); i++) {
            if (step(progress.get(i)).equals(step(progress.get(i - 1)))) {
                assertThat(Duration.between(progress.get(i - 1).time(), progress.get(i).time()))
                        .isGreaterThanOrEqualTo(INTERVAL.minusMillis(10));
            }
        }
    }

    /** Grows the sample database with the benchmarks' own generator, {@code bench/fill.sql}. */
    private static void fill(SampleStack stack, int megabytes) {
        String db = stack.containerId(SampleStack.DATABASE_SERVICE);
        Path fillSql = SampleStack.repositoryRoot().resolve("bench/fill.sql");
        ExternalCommand.of(Duration.ofSeconds(30), "docker", "cp", fillSql.toString(), db + ":/tmp/fill.sql").run()
                .stdoutOrThrow();
        ExternalCommand.of(FILL_TIMEOUT, "docker", "exec", db, "psql", "-q", "-X", "-U", SampleStack.SUPERUSER,
                "-d", SampleStack.DATABASE, "-v", "target_mb=" + megabytes, "-f", "/tmp/fill.sql").run().stdoutOrThrow();
    }

    private static String step(Upshift.StoredEvent event) {
        return event.payload().get("step").get("number").asText();
    }

    private static String text(Upshift.StoredEvent event, String field) {
        return event.payload().get(field).asText();
    }
}
