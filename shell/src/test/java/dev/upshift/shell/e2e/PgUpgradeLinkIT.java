package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pg_upgrade's link for real, 15 to 17 with the sample's worker writing throughout: the new cluster made beside the
 * old one in the old volume, its files hard links; and the rollback after the transfer, before the new server's
 * first start, which gives the old cluster its control file back.
 */
class PgUpgradeLinkIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final String[] BY_LINK = {"--method", "pg-upgrade", "--upgrade-image",
            "upshift-testbed/postgres-upgrade:15-to-17", "--transfer", "link"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void givenTheStackOn15WhenUpgradedByPgUpgradeWithLinksThenItServesOn17BesideTheOldClusterWithEveryCommittedRow()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "pgl", BY_LINK)
                    .withEnvironment("UPSHIFT_PROGRESS_INTERVAL", Upgraded.PROGRESS_INTERVAL);

            Upshift.Result run = upshift.run("run", "pgl", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Upgraded.assertServingWithEveryCommittedRow(stack, 17);
            assertThat(Files.readString(stack.composeFile())).contains("image: " + TARGET,
                    "- pg_data:/var/lib/postgresql/data", "PGDATA: /var/lib/postgresql/data/17/docker");
            String volume = stack.project() + "_pg_data";
            assertThat(StackFacts.fileInVolume(volume, "17/docker/PG_VERSION")).as("the new cluster").isEqualTo("17");
            assertThat(StackFacts.fileInVolume(volume, "PG_VERSION")).as("the old cluster beside it").isEqualTo("15");
            assertThat(StackFacts.volumeExists(stack.project() + "_pg_data_pg17")).as("no volume of its own").isFalse();
            assertThat(run.stdout()).contains("pg_upgrade --link beside the old cluster in " + volume);
            Upgraded.assertTransferReported(upshift, run, "linking");
            assertThat(upshift.run("audit", "--id", "pgl").stdout()).contains("3.6 point of no return");
            JsonNode status = JSON.readTree(upshift.run("status", "pgl", "--json").stdout());
            assertThat(status.get("method").asText()).isEqualTo("pg-upgrade");
        }
    }

    @Test
    void givenTheTargetImageGoneAfterTheTransferWhenAdvancedThenTheOldClusterGetsItsControlFileBackAndServesAgain()
            throws Exception {
        String doomed = "upshift-test/postgres-link:doomed";
        ExternalCommand.of(Duration.ofSeconds(30), "docker", "tag", TARGET, doomed).run();
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, doomed, "pgl-back", BY_LINK);
            String original = RolledBack.compose(stack);
            Upshift.Result paused = upshift.run("run", "pgl-back", "--yes", "--until", "3.5");
            assertThat(paused.exitCode()).as(paused.toString()).isZero();
            String volume = stack.project() + "_pg_data";
            assertThat(StackFacts.fileInVolume(volume, "17/docker/PG_VERSION")).as("linked").isEqualTo("17");
            ExternalCommand.of(Duration.ofSeconds(30), "docker", "rmi", doomed).run();

            Upshift.Result advanced = upshift.run("advance", "pgl-back");

            assertThat(advanced.exitCode()).as(advanced.toString()).isEqualTo(1);
            assertThat(advanced.stdout()).contains("Rolled back", "3.6", "pg_control.old renamed back");
            RolledBack.assertServingOn15(stack, upshift, "pgl-back", original);
            assertThat(StackFacts.fileInVolume(volume, "17/docker/PG_VERSION")).as("the new cluster removed").isEmpty();
            assertThat(RolledBack.log(upshift, "pgl-back").findValuesAsText("step")).contains("R.3")
                    .doesNotContain("3.7");
        } finally {
            ExternalCommand.of(Duration.ofSeconds(30), "docker", "rmi", doomed).run();
        }
    }
}
