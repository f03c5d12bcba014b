package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.upshift.orchestrator.testbed.PostgresServer;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-off maintenance window opening about 90 s ahead: the upgrade handed to a node with {@code --detach} runs
 * Phases 0–2 and waits; that node is killed and another started before the window opens; the deadline in the store
 * makes the new node start Phase 3 inside the window, and the upgrade completes with the worker's writes.
 */
class MaintenanceWindowIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final Duration AHEAD = Duration.ofSeconds(90);

    @TempDir
    Path home;

    @Test
    void givenAWindowAheadAndNoNodeWhenRunThenPhasesOneAndTwoRunAndItExitsAtTheWaitUntilARollbackCancelsIt()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Instant opens = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            Upshift upshift = Upshift.planned(home, stack, TARGET, "tomorrow", "--window", opens + "/PT1H");

            Upshift.Result run = upshift.run("run", "tomorrow", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.stdout()).contains("Phase 2.2", "Phase 3 waits for its maintenance window " + opens + "/PT1H",
                    "starts at " + opens.toString().replace("T", " ").replace("Z", " UTC"), "`upshift serve`");
            assertThat(upshift.eventTypes("tomorrow")).contains("DowntimeScheduled").doesNotContain("ServiceStopped");
            assertThat(upshift.scheduledDeadlines()).isEqualTo(1);

            upshift.run("rollback", "tomorrow", "--yes");

            assertThat(upshift.eventTypes("tomorrow")).contains("RollbackCompleted");
            assertThat(upshift.scheduledDeadlines()).as("the rollback cancelled the window's deadline").isZero();
        }
    }

    @Test
    void givenAWindowAheadWhenTheNodeHoldingTheUpgradeIsReplacedBeforeItOpensThenPhaseThreeStartsInsideItAndCompletes()
            throws Exception {
        try (PostgresServer server = PostgresServer.start(); SampleStack stack = SampleStack.start()) {
            String store = server.url() + "?user=" + server.user() + "&password=" + server.password();
            Upshift operator = new Upshift(home.resolve("operator"), store);
            Files.createDirectories(operator.home());
            Node first = Node.start(home.resolve("node-a"), store, 19491);
            Node second = null;
            try {
                first.awaitHealthy();
                Instant opens = Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS);
                String window = opens + "/PT15M";
                Upshift.Result plan = operator.run("plan", "--compose", stack.composeFile().toString(), "--to", TARGET,
                        "--id", "windowed", "--window", window);
                assertThat(plan.exitCode()).as(plan.toString()).isZero();
                assertThat(plan.stdout()).contains("Maintenance windows", window);

                Upshift.Result detached = operator.run("run", "windowed", "--yes", "--detach");

                assertThat(detached.exitCode()).as(detached.toString()).isZero();
                Upshift.awaitWorld("Phases 0-2 done and the downtime scheduled",
                        () -> !operator.events("DowntimeScheduled").isEmpty());
                assertThat(Instant.now()).as("Phases 0-2 ended before the window opened (else: a larger AHEAD)")
                        .isBefore(opens);
                Upshift.Result waiting = operator.run("status", "windowed");
                assertThat(waiting.stdout()).as(waiting.toString()).contains("AWAITING_WINDOW", "Expected downtime",
                        "Downtime starts", opens.toString().replace("T", " ").replace("Z", " UTC"));
                Upshift.Result advance = operator.run("advance", "windowed");
                assertThat(advance.exitCode()).as(advance.toString()).isEqualTo(3);
                assertThat(advance.stdout()).contains("Phase 3 waits for its maintenance window " + window);

                first.kill();
                second = Node.start(home.resolve("node-b"), store, 19492);
                second.awaitHealthy();
                assertThat(Instant.now()).as("the node replaced before the window opened").isBefore(opens);
                Node last = second;
                Upshift.awaitWorld("the new node completing the upgrade in the window",
                        () -> !operator.events("UpgradeCompleted").isEmpty());

                Instant phaseThree = operator.events("StepStarted").stream()
                        .filter(started -> started.payload().get("step").get("number").asText().equals("3.1"))
                        .map(Upshift.StoredEvent::time).findFirst().orElseThrow();
                System.out.printf("window opened %s; 3.1 started %s (%.1f s later)%n", opens, phaseThree,
                        Duration.between(opens, phaseThree).toMillis() / 1000.0);
                assertThat(phaseThree).as("Phase 3's first step starts inside the window").isAfterOrEqualTo(opens)
                        .isBefore(opens.plus(Duration.ofMinutes(15)));
                assertThat(operator.events("MaintenanceWindowReached")).hasSize(1);
                assertThat(first.ran("3.1")).isFalse();
                assertThat(last.ran("3.1")).isTrue();
                assertThat(StackFacts.serverMajor(stack)).isEqualTo(17);
                Set<Long> committed = StackFacts.committedByWorker(stack);
                assertThat(StackFacts.siteEventIds(stack)).as("every write the worker acknowledged").containsAll(committed);

                last.process().destroy(); // SIGTERM
                assertThat(last.process().waitFor(30, TimeUnit.SECONDS)).as("a node ends on SIGTERM").isTrue();
            } finally {
                first.kill();
                if (second != null) {
                    second.kill();
                }
            }
        }
    }
}
