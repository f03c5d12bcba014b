package dev.upshift.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.DataRestored;
import dev.upshift.orchestrator.api.events.LogicalDecodingReady;
import dev.upshift.orchestrator.api.events.ReplicationProgressed;
import org.junit.jupiter.api.Test;

/** What the execution log says of PostgreSQL 18's layout and checksums, and of the logical replica. */
class StepNotesTest {

    private static final DataLayout PRE_18 = new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data");
    private static final DataLayout IMAGE_18 = new DataLayout("/var/lib/postgresql", "/var/lib/postgresql/18/docker");

    @Test
    void givenTheMountMovedWhenNotingTheComposeFileThenTheNoteSaysWhereToAndFromWhere() {
        assertThat(StepNotes.of(composeFileUpdated(PRE_18, IMAGE_18))).isEqualTo("compose.yml → postgres:18, volume "
                + "tb_pg_data_pg18, mounted at /var/lib/postgresql (was /var/lib/postgresql/data) (original kept as "
                + "compose.yml.pre-to18)");
    }

    @Test
    void givenTheMountKeptOrNotRecordedWhenNotingTheComposeFileThenTheNoteSaysNothingOfIt() {
        assertThat(StepNotes.of(composeFileUpdated(PRE_18, PRE_18))).doesNotContain("mounted at");
        assertThat(StepNotes.of(composeFileUpdated(null, null))).doesNotContain("mounted at");
    }

    @Test
    void givenTheNewClustersSettingsWhenNotingTheRestoreThenTheNoteSaysWhetherItHasChecksums() {
        Step step = new Step("3.5", StepKind.START_NEW_DATABASE, null);

        assertThat(StepNotes.of(new DataRestored("to18", step, "c0ffee18", "/srv/backups/to18_final.dump",
                new ClusterSettings("UTF8", "en_US.UTF-8", "en_US.UTF-8", "libc", true))))
                .isEqualTo("Data restored from to18_final.dump; checksums on");
        assertThat(StepNotes.of(new DataRestored("to18", step, "c0ffee18", "/srv/backups/to18_final.dump", null)))
                .isEqualTo("Data restored from to18_final.dump");
    }

    @Test
    void givenTheReplicaCatchingUpWhenNotingItsProgressThenTheLagIsInBytesAndInTimeWhereTheSenderKnowsIt() {
        Step step = new Step("2.5", StepKind.CATCH_UP, null);

        assertThat(StepNotes.progress(new ReplicationProgressed("lr", step, 31, 38, 4L * 1024 * 1024, 120)))
                .isEqualTo("replicating: 31 of 38 tables copied, 4.0 MB (0.1 s) behind");
        assertThat(StepNotes.progress(new ReplicationProgressed("lr", step, 38, 38, 0, -1)))
                .isEqualTo("replicating: 38 of 38 tables copied, 0 B behind");
    }

    @Test
    void givenTheOldServerRestartedForLogicalDecodingWhenNotedThenTheNoteSaysForHowLong() {
        Step step = new Step("2.3", StepKind.LOGICAL_DECODING, null);

        assertThat(StepNotes.of(new LogicalDecodingReady("lr", step, "replica", true, 1_840)))
                .isEqualTo("wal_level replica → logical; the old server restarted in 1.8 s");
        assertThat(StepNotes.of(new LogicalDecodingReady("lr", step, "logical", false, 0)))
                .isEqualTo("wal_level is logical already: no restart");
    }

    private static ComposeFileUpdated composeFileUpdated(DataLayout previous, DataLayout layout) {
        return new ComposeFileUpdated("to18", new Step("2.1", StepKind.UPDATE_COMPOSE_FILE, null), "/srv/tb/compose.yml",
                "/srv/tb/compose.yml.pre-to18", "postgres:15", "postgres:18", "tb_pg_data", "tb_pg_data_pg18", previous,
                layout);
    }
}
