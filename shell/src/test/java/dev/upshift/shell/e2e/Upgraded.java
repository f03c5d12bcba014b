package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.upshift.orchestrator.testbed.SampleStack;

/** What a completed upgrade of the sample stack must show: any, whatever its method, and one by pg-upgrade. */
final class Upgraded {

    /** How often the ITs that look at 3.5's progress have it recorded ({@code UPSHIFT_PROGRESS_INTERVAL}). */
    static final String PROGRESS_INTERVAL = Duration.ofSeconds(1).toString();

    private Upgraded() {
    }

    /** The database on the major, every service healthy, and every row the worker says it committed on the site. */
    static void assertServingWithEveryCommittedRow(SampleStack stack, int major) {
        assertThat(StackFacts.serverMajor(stack)).isEqualTo(major);
        for (String service : new String[] {"db", "api", "worker", "web"}) {
            assertThat(StackFacts.health(stack, service)).as(service).isEqualTo("running/healthy");
        }
        Set<Long> committed = StackFacts.committedByWorker(stack);
        assertThat(committed).hasSizeGreaterThan(10);
        assertThat(StackFacts.siteEventIds(stack)).containsAll(committed);
    }

    /**
     * 3.5 reported pg_upgrade's files as it named them: at least the first, which it names after its checks and the
     * schema, seconds after the step's script counted them — longer than {@link #PROGRESS_INTERVAL}, set short so
     * that a machine quicker than the test bed's still records it. None at the end (the outcome says it), and a
     * printed line for each.
     */
    static void assertTransferReported(Upshift upshift, Upshift.Result run, String activity) {
        List<Upshift.StoredEvent> transfer = upshift.events("TransferProgressed").stream()
                .filter(event -> event.payload().at("/step/number").asText().equals("3.5")).toList();
        assertThat(transfer).as("3.5 reported how far pg_upgrade's transfer was").isNotEmpty().allSatisfy(event -> {
            assertThat(event.payload().get("activity").asText()).isEqualTo(activity);
            assertThat(event.payload().get("unit").asText()).isEqualTo("files");
            assertThat(event.payload().get("done").asLong()).isLessThan(event.payload().get("total").asLong());
        });
        assertThat(run.stdout()).containsPattern("3\\.5 " + activity + ": [\\d ]+ of [\\d ]+ files \\(\\d+ %\\)");
    }
}
