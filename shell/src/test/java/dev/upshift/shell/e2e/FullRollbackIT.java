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
 * The full rollback for real, with the sample's worker writing throughout: the old version restored from a dump
 * into a fresh volume that the compose file then names. From the final dump, taken behind the fence, nothing is
 * missing; from the pre-upgrade backup (pg_upgrade's link, after the new server's first start) the rows written
 * after it are named, the dependents stay stopped, and the upgraded cluster keeps them.
 */
class FullRollbackIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void givenADumpRestorePausedAfterTheRestoreWhenRolledBackInFullThenTheOldVersionServesEveryRowFromAFreshVolume()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "full");
            Upshift.Result paused = upshift.run("run", "full", "--yes", "--until", "3.5");
            assertThat(paused.exitCode()).as(paused.toString()).isZero();

            Upshift.Result rolledBack = upshift.run("rollback", "full", "--mode", "full", "--yes");

            assertThat(rolledBack.exitCode()).as("a rollback ends the upgrade unfinished: " + rolledBack).isEqualTo(1);
            assertThat(rolledBack.stdout()).contains("Old version restored from full_final.dump", "Rolled back as asked");
            Upgraded.assertServingWithEveryCommittedRow(stack, 15);
            assertThat(stack.psql("SELECT count(*) FROM users")).isEqualTo("18");
            assertThat(Files.readString(stack.composeFile())).contains("image: upshift-testbed/postgres:15",
                    "- pg_data_restored_full:/var/lib/postgresql/data");
            assertThat(StackFacts.volumeMounts(stack)).contains(stack.project() + "_pg_data_restored_full");
            assertThat(StackFacts.volumeExists(stack.project() + "_pg_data")).as("the old volume is kept").isTrue();
            assertThat(StackFacts.volumeExists(stack.project() + "_pg_data_pg17")).as("the new one too").isTrue();
            JsonNode status = JSON.readTree(upshift.run("status", "full", "--json").stdout());
            assertThat(status.get("status").asText()).isEqualTo("ROLLED_BACK");
        }
    }

    @Test
    void givenALinkedClusterWhoseNewServerRefusesToStartWhenItFailsThenTheFullRollbackNamesTheRowsThePreUpgradeBackupLacks()
            throws Exception {
        // old_snapshot_threshold exists in 15 and was removed in 17: the new server refuses it, after the point of no return
        try (SampleStack stack = SampleStack.start(compose -> compose.replace(
                "    image: upshift-testbed/postgres:15\n",
                "    image: upshift-testbed/postgres:15\n    command: [\"postgres\", \"-c\", \"old_snapshot_threshold=-1\"]\n"))) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "linked", "--method", "pg-upgrade",
                    "--upgrade-image", "upshift-testbed/postgres-upgrade:15-to-17", "--transfer", "link");

            Upshift.Result run = upshift.run("run", "linked", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).contains("old_snapshot_threshold", "Old version restored from linked_pre_pg17.dump",
                    "table public.site_events has");
            assertThat(StackFacts.serverMajor(stack)).isEqualTo(15);
            assertThat(StackFacts.health(stack, "worker")).as("the dependents stay stopped").doesNotStartWith("running");
            assertThat(Files.readString(stack.composeFile())).contains("- pg_data_restored_linked:/var/lib/postgresql/data");
            assertThat(StackFacts.fileInVolume(stack.project() + "_pg_data", "17/docker/PG_VERSION"))
                    .as("the upgraded cluster, with every row, is kept").isEqualTo("17");
            JsonNode status = JSON.readTree(upshift.run("status", "linked", "--json").stdout());
            assertThat(status.get("status").asText()).isEqualTo("ROLLBACK_FAILED");
            assertThat(RolledBack.log(upshift, "linked").findValuesAsText("step")).contains("R.3").doesNotContain("3.7");
        }
    }
}
