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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.upshift.orchestrator.testbed.PostgresServer;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code upshift serve} nodes on a PostgreSQL store: an upgrade handed to them with {@code --detach}, the node
 * driving it killed with SIGKILL during Phase 3, the other node takes it over and completes it.
 */
class NodesIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void givenTwoNodesWhenTheNodeDrivingAnUpgradeIsKilledInPhaseThreeThenTheOtherCompletesItAndNoWriteIsLost()
            throws Exception {
        try (PostgresServer server = PostgresServer.start(); SampleStack stack = SampleStack.start()) {
            String store = server.url() + "?user=" + server.user() + "&password=" + server.password();
            Upshift operator = new Upshift(home.resolve("operator"), store);
            Files.createDirectories(operator.home());
            List<Node> nodes = List.of(Node.start(home.resolve("node-a"), store, 19481),
                    Node.start(home.resolve("node-b"), store, 19482));
            try {
                nodes.forEach(Node::awaitHealthy);
                assertThat(operator.run("plan", "--compose", stack.composeFile().toString(), "--to", TARGET, "--id",
                        "handed").exitCode()).isZero();

                Upshift.Result detached = operator.run("run", "handed", "--yes", "--detach");

                assertThat(detached.exitCode()).as(detached.toString()).isZero();
                assertThat(detached.stdout()).contains("Handed to the nodes (upshift serve)", "upshift log handed");
                Upshift.awaitWorld("a node running Phase 3", () -> nodes.stream().anyMatch(node -> node.ran("3.2")));
                Node driving = nodes.stream().filter(node -> node.ran("3.2")).findFirst().orElseThrow();
                Node other = nodes.stream().filter(node -> node != driving).findFirst().orElseThrow();
                driving.kill();
                Instant killed = Instant.now();

                Upshift.awaitWorld("the other node completing the upgrade", () -> other.ran("5.3")
                        && !operator.events("UpgradeCompleted").isEmpty());
                System.out.printf("takeover: the other node ran its first step %.1f s after the kill%n",
                        Duration.between(killed, other.firstRun()).toMillis() / 1000.0);

                assertThat(StackFacts.serverMajor(stack)).isEqualTo(17);
                Set<Long> committed = StackFacts.committedByWorker(stack);
                assertThat(StackFacts.siteEventIds(stack)).as("every write the worker acknowledged").containsAll(committed);
                Map<String, Long> started = operator.stepsStarted();
                assertThat(started).as("each step started once, the one under way at the kill at most twice")
                        .allSatisfy((step, times) -> assertThat(times).as(step).isBetween(1L, 2L));
                assertThat(started.values().stream().filter(times -> times == 2)).hasSizeLessThanOrEqualTo(1);
                assertThat(operator.events("RunStarted")).hasSize(1);
                assertThat(other.metrics()).contains("Automation_NodeDispatcher");

                other.process().destroy(); // SIGTERM
                assertThat(other.process().waitFor(30, TimeUnit.SECONDS)).as("a node ends on SIGTERM").isTrue();
            } finally {
                for (Node node : nodes) {
                    node.kill();
                }
            }
        }
    }

    /** An {@code upshift serve} process, its own home (log) and port. */
    private record Node(Upshift upshift, Process process, int port) {

        static Node start(Path home, String store, int port) throws IOException {
            Files.createDirectories(home);
            Upshift upshift = new Upshift(home, store);
            return new Node(upshift, upshift.start("serve", "--port", Integer.toString(port)).process(), port);
        }

        void awaitHealthy() {
            try {
                Upshift.awaitWorld("node on " + port + " healthy", () -> get("/actuator/health").contains("\"UP\""));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }

        /** Whether this node has run the step ("running step 3.2 of …" in its log). */
        boolean ran(String step) {
            return log().contains("running step " + step + " of");
        }

        Instant firstRun() {
            return log().lines().filter(line -> line.contains("running step")).findFirst()
                    .map(line -> Instant.parse(line.substring(0, line.indexOf(' '))))
                    .orElseThrow();
        }

        String metrics() {
            return get("/actuator/prometheus");
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        private String log() {
            try {
                Path log = upshift.home().resolve("upshift.log");
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }

        private String get(String path) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException notYet) {
                return "";
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }
}
