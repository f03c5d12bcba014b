package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
}
