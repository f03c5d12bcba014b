package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL 18 as the target, by both methods, with the sample's worker writing throughout: 18's image keeps its
 * cluster in /var/lib/postgresql/18/docker under one mount at /var/lib/postgresql and refuses the pre-18 mount, so
 * the data volume moves there — in the compose file too, comments kept.
 */
class ToPostgres18IT {

    private static final String TARGET = "upshift-testbed/postgres:18";
    private static final String PRE_18_MOUNT = "      - pg_data:/var/lib/postgresql/data\n";
    private static final Duration COMPOSE_UP = Duration.ofMinutes(3);

    @TempDir
    Path home;

    @Test
    void givenTheStackOn15WhenUpgradedTo18ByDumpAndRestoreThenItServesOn18FromTheNewMountWithChecksumsOnAndComposeAgrees()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            String original = Files.readString(stack.composeFile());
            Upshift upshift = Upshift.planned(home, stack, TARGET, "to18");

            Upshift.Result run = upshift.run("run", "to18", "--yes");

            assertServingOn18FromTheNewMount(stack, run, original);
            assertThat(stack.psql("SHOW data_checksums")).as("the new server's default").isEqualTo("on");
            assertThat(run.stdout()).contains("Data restored from to18_final.dump; checksums on");

            String upshiftsContainer = stack.containerId("db");
            ExternalCommand.of(COMPOSE_UP, "docker", "compose", "-p", stack.project(), "-f",
                    stack.composeFile().toString(), "up", "-d", "--wait", "db").run().stdoutOrThrow();
            assertThat(stack.containerId("db")).as("compose made the server from the file").isNotEqualTo(upshiftsContainer);
            assertThat(StackFacts.serverMajor(stack)).isEqualTo(18);
            assertThat(stack.psql("SELECT count(*) FROM posts")).isEqualTo("37");
        }
    }

    @Test
    void givenTheStackOn15WhenUpgradedTo18ByPgUpgradeThenItServesOn18WithChecksumsOffAndARollbackBrings15Back()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            String original = Files.readString(stack.composeFile());
            Upshift upshift = Upshift.planned(home, stack, TARGET, "pgu18", "--method", "pg-upgrade", "--upgrade-image",
                    "upshift-testbed/postgres-upgrade:15-to-18");
            long rowsBefore = Long.parseLong(stack.psql("SELECT count(*) FROM site_events"));

            Upshift.Result run = upshift.run("run", "pgu18", "--yes");

            assertServingOn18FromTheNewMount(stack, run, original);
            assertThat(stack.psql("SHOW data_checksums")).as("as the old cluster had them").isEqualTo("off");
            assertThat(run.stdout()).contains("pg_upgrade --copy into", "checksums off");

            Upshift.Result rollback = upshift.run("rollback", "pgu18", "--yes", "--accept-data-loss");

            assertThat(rollback.stdout()).as(rollback.toString()).contains("Rolled back");
            assertThat(Files.readString(stack.composeFile())).isEqualTo(original);
            assertThat(StackFacts.serverMajor(stack)).isEqualTo(15);
            assertThat(StackFacts.volumeMounts(stack)).isEqualTo(stack.project() + "_pg_data at /var/lib/postgresql/data");
            for (String service : new String[] {"db", "api", "worker", "web"}) {
                assertThat(StackFacts.health(stack, service)).as(service).isEqualTo("running/healthy");
            }
            assertThat(Long.parseLong(stack.psql("SELECT count(*) FROM site_events"))).isGreaterThan(rowsBefore);
        }
    }

    /**
     * Completed, with every committed row; the cluster where 18's image keeps it, on the new volume at 18's mount, in
     * the container and in the compose file, and the execution log says so.
     */
    private static void assertServingOn18FromTheNewMount(SampleStack stack, Upshift.Result run, String original)
            throws Exception {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Upgraded.assertServingWithEveryCommittedRow(stack, 18);
        assertThat(stack.psql("SELECT count(*) FROM users")).isEqualTo("18");
        assertThat(stack.psql("SHOW data_directory")).isEqualTo("/var/lib/postgresql/18/docker");
        assertThat(StackFacts.volumeMounts(stack)).isEqualTo(stack.project() + "_pg_data_pg18 at /var/lib/postgresql");
        assertThat(Files.readString(stack.composeFile())).isEqualTo(movedTo18(original));
        assertThat(run.stdout()).contains("mounted at /var/lib/postgresql (was /var/lib/postgresql/data)");
    }

    /** The original file with 18's image and the new volume at 18's mount, every other byte as it was. */
    private static String movedTo18(String original) {
        assertThat(original).containsOnlyOnce(PRE_18_MOUNT).endsWith("\nvolumes:\n  pg_data:\n");
        return original.replace("    image: upshift-testbed/postgres:15\n", "    image: " + TARGET + "\n")
                .replace(PRE_18_MOUNT, "      - pg_data_pg18:/var/lib/postgresql\n") + "  pg_data_pg18:\n";
    }
}
