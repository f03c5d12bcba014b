package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.PostgresServer;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on the sample stack with a node serving, on a PostgreSQL store: {@code plan --keep-old 20s}. A completed
 * upgrade rolled back at once cancels its retention, so that nothing of it is removed; the next upgrade of the same
 * stack, left completed, has its old image, old volume and backups removed by the node and recorded — the new volume,
 * the stack and its data untouched. The stack's old image is a tag of this test's own, so that removing it untags
 * only that (the test bed's image stays for every other test).
 */
class RetentionIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final String TEST_BED_15 = "upshift-testbed/postgres:15";
    private static final String OLD_IMAGE = "upshift-retention-it/postgres:15";
    private static final int PORT = 19491;
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void givenKeepOldOfTwentySecondsWhenCompletedThenTheNodeRemovesTheOldAndARollbackCancelsIt() throws Exception {
        docker("tag", TEST_BED_15, OLD_IMAGE);
        try (PostgresServer server = PostgresServer.start();
             SampleStack stack = SampleStack.start(compose -> compose.replace(TEST_BED_15, OLD_IMAGE))) {
            String store = server.url() + "?user=" + server.user() + "&password=" + server.password();
            Upshift operator = new Upshift(Files.createDirectories(home.resolve("operator")), store);
            Process node = new Upshift(Files.createDirectories(home.resolve("node")), store)
                    .start("serve", "--port", Integer.toString(PORT)).process();
            try {
                Upshift.awaitWorld("the node healthy", () -> health().contains("\"UP\""));
                String oldVolume = stack.project() + "_pg_data";
                String newVolume = oldVolume + "_pg17";

                completed(operator, stack, "rolled");
                Upshift.Result rollback = operator.run("rollback", "rolled", "--accept-data-loss", "--yes");
                assertThat(rollback.exitCode()).as("a rolled-back upgrade's exit code: " + rollback).isEqualTo(1);
                assertThat(StackFacts.serverMajor(stack)).isEqualTo(15);
                Thread.sleep(30_000); // past its 20 s, with the node polling every second
                assertThat(operator.eventTypes("rolled")).contains("RetentionCancelled")
                        .doesNotContain("OldImageRemoved", "OldVolumeRemoved", "BackupsRemoved");
                assertThat(operator.events("StepDue")).as("no step of Phase 6 due")
                        .noneMatch(due -> due.payload().get("step").get("number").asText().startsWith("6."));
                assertThat(RolledBack.backups(stack).resolve("rolled_final.dump")).as("the rolled-back upgrade's dump").exists();
                assertThat(operator.run("status", "rolled").stdout()).contains("retention cancelled (rolled back)");
                docker("volume", "rm", newVolume); // the rolled-back upgrade's new volume, for the next upgrade's

                completed(operator, stack, "kept");
                long rows = Long.parseLong(stack.psql("SELECT count(*) FROM site_events"));
                Upshift.awaitWorld("the node removing the old volume and the backups", () ->
                        operator.eventTypes("kept").containsAll(List.of("OldImageRemoved", "OldVolumeRemoved", "BackupsRemoved")));

                assertThat(StackFacts.volumeExists(oldVolume)).as("the old volume").isFalse();
                assertThat(RolledBack.backups(stack).resolve("kept_final.dump")).as("the final dump").doesNotExist();
                assertThat(RolledBack.backups(stack).resolve("kept_pre_pg17.dump")).as("the backup").doesNotExist();
                assertThat(RolledBack.backups(stack).resolve("rolled_final.dump")).as("another upgrade's").exists();
                assertThat(docker("image", "inspect", OLD_IMAGE).succeeded()).as("the old image's tag").isFalse();
                assertThat(docker("image", "inspect", TEST_BED_15).succeeded()).as("the same image's other tag").isTrue();
                assertThat(StackFacts.volumeExists(newVolume)).as("the new volume").isTrue();
                assertThat(StackFacts.serverMajor(stack)).isEqualTo(17);
                assertThat(List.of("db", "api", "worker", "web")).allSatisfy(service ->
                        assertThat(StackFacts.health(stack, service)).as(service).isEqualTo("running/healthy"));
                assertThat(Long.parseLong(stack.psql("SELECT count(*) FROM site_events"))).isGreaterThanOrEqualTo(rows);
                assertThat(operator.run("audit", "--id", "kept").stdout()).contains("removed volume " + oldVolume,
                        "removed image " + OLD_IMAGE, "removed backups ");
                assertThat(operator.run("status", "kept").stdout()).contains("| volume " + oldVolume);
            } finally {
                node.destroyForcibly();
                node.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            docker("rmi", OLD_IMAGE); // gone already when the node removed it
        }
    }

    /** Plans the upgrade of the stack from 15 to 17 with everything old kept 20 s, and runs it to completion here. */
    private static void completed(Upshift operator, SampleStack stack, String upgradeId) {
        Upshift.Result plan = operator.run("plan", "--compose", stack.composeFile().toString(), "--to", TARGET, "--id",
                upgradeId, "--keep-old", "20s");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        Upshift.Result run = operator.run("run", upgradeId, "--yes");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static ExternalCommand.Result docker(String... arguments) {
        return ExternalCommand.of(QUICK, Stream.concat(Stream.of("docker"), Stream.of(arguments)).toArray(String[]::new))
                .run();
    }

    private static String health() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notYet) {
            return "";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
