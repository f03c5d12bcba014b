package dev.upshift.audit.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default H2 store shared by several processes: the first that opens the file serves it to the others
 * ({@code AUTO_SERVER}); when it ends, another takes over. Each process here is a {@link StoreWriterProcess} (a
 * Hikari pool configured as Upshift's, a few threads committing one row per transaction, every acknowledged commit
 * logged at once), and the processes are stopped as an operator stops Upshift: at the end of their work, SIGTERM,
 * kill -9. About two minutes in all.
 */
class SharedH2StoreHandoverTest {

    static final String FLAGS = ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0";

    @TempDir
    Path dir;

    /**
     * Before {@link H2BrokenConnections}, the connections a process had inside a transaction when the serving process
     * exited stayed in its pool, dead, and every write of that process failed from then on: 4 take-overs in 5 left
     * the survivor with no commit at all in 15 s (it went on failing for as long as it ran).
     */
    @Test
    void aProcessGoesOnWritingAfterTheProcessThatServedTheFileHasEnded() throws Exception {
        StoreHandover handover = new StoreHandover(dir, store -> "jdbc:h2:file:" + store + FLAGS, new Random(8));
        List<Long> commits = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            commits.add(handover.survivorCommitsAfterHandOver(round));
        }
        assertThat(commits).as("commits of the survivor in the 15 s after each take-over").allMatch(n -> n > 0);
    }

    /** Every commit any process got acknowledged is in the file once they have all ended, whatever the hand-over. */
    @Test
    void everyAcknowledgedCommitOutlivesTheHandOvers() throws Exception {
        long seed = System.nanoTime();
        StoreHandover handover = new StoreHandover(dir, store -> "jdbc:h2:file:" + store + FLAGS, new Random(seed));
        List<String> losses = new ArrayList<>();
        int acknowledged = 0;
        long end = System.nanoTime() + 75_000_000_000L;
        int round = 0;
        for (; round < 3 || System.nanoTime() < end; round++) {
            StoreHandover.Round result = handover.run(round);
            acknowledged += result.acknowledged();
            if (result.lostWrites()) {
                losses.add("round " + round + " (" + result.scenario() + "): " + result.missing().size() + " of "
                        + result.acknowledged() + " acknowledged commits missing, e.g. "
                        + result.missing().stream().limit(5).toList());
            }
        }
        assertThat(losses).as(round + " rounds, seed " + seed + ", " + acknowledged + " acknowledged commits").isEmpty();
    }
}
