package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pg-upgrade method for real, 15 to 17 in the test bed's upgrade image, with the sample's worker writing
 * throughout: completed with every acknowledged write, and rolled back after a failure that follows the transfer.
 */
class PgUpgradeIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final String[] BY_PG_UPGRADE = {"--method", "pg-upgrade", "--upgrade-image",
            "upshift-testbed/postgres-upgrade:15-to-17"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void givenTheStackOn15WhenUpgradedByPgUpgradeWithACopyThenItServesOn17WithEveryCommittedRowAndNoFinalDump()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "pgu", "--method", "pg-upgrade", "--upgrade-image",
                    "upshift-testbed/postgres-upgrade:15-to-17", "--snapshot", "copy")
                    .withEnvironment("UPSHIFT_PROGRESS_INTERVAL", Upgraded.PROGRESS_INTERVAL);

            Upshift.Result run = upshift.run("run", "pgu", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Upgraded.assertServingWithEveryCommittedRow(stack, 17);
            assertThat(stack.psql("SELECT count(*) FROM users")).isEqualTo("18");
            assertThat(Files.readString(stack.composeFile())).contains("image: " + TARGET,
                    "- pg_data_pg17:/var/lib/postgresql/data");
            assertThat(StackFacts.volumeExists(stack.project() + "_pg_data")).as("the old volume is kept").isTrue();
            assertThat(StackFacts.fileInVolume(stack.project() + "_pg_data_copy_pgu", "PG_VERSION"))
                    .as("the physical copy of the old cluster").isEqualTo("15");
            assertThat(RolledBack.backups(stack).resolve("pgu_final.dump")).as("pg_upgrade needs no final dump").doesNotExist();
            Upgraded.assertTransferReported(upshift, run, "copying");

            JsonNode log = JSON.readTree(upshift.run("log", "pgu", "--json").stdout());
            assertThat(log.findValuesAsText("step")).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "1.1",
                    "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "4.1", "4.2",
                    "4.3", "4.4", "5.1", "5.2", "5.3", "5.4");
            assertThat(log.findValuesAsText("status")).containsOnly("DONE");
            assertThat(run.stdout()).contains("pg_upgrade --copy into", "checksums off",
                    "rebuilt for the new C library (public.", "; collation versions refreshed");
            JsonNode status = JSON.readTree(upshift.run("status", "pgu", "--json").stdout());
            assertThat(status.get("method").asText()).isEqualTo("pg-upgrade");
            assertThat(status.at("/current/version").asText()).startsWith("17.");
        }
    }

    @Test
    void givenASettingTheNewServerRefusesWhenTheUpgradedClusterStartsThenTheOldServerServesAgainOnItsUntouchedVolume()
            throws Exception {
        // old_snapshot_threshold exists in 15 and was removed in 17: the cluster is upgraded, its new server refuses to start
        try (SampleStack stack = SampleStack.start(compose -> compose.replace(
                "    image: upshift-testbed/postgres:15\n",
                "    image: upshift-testbed/postgres:15\n    command: [\"postgres\", \"-c\", \"old_snapshot_threshold=-1\"]\n"))) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "pgu-refused", BY_PG_UPGRADE);
            String original = RolledBack.compose(stack);

            Upshift.Result run = upshift.run("run", "pgu-refused", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).contains("Rolled back", "3.6", "old_snapshot_threshold");
            RolledBack.assertServingOn15(stack, upshift, "pgu-refused", original);
            JsonNode log = RolledBack.log(upshift, "pgu-refused");
            assertThat(log.findValuesAsText("step")).contains("3.5", "3.6", "R.1").doesNotContain("3.7");
        }
    }
}
