package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logical method for real, 15 to 17, with the sample's worker writing throughout: the new server is filled and
 * kept current beside the old one while the stack serves, and the switch is the only downtime. The test bed's
 * servers run with wal_level replica, so each run also restarts the old server once (plan --allow-restart).
 */
class LogicalReplicationIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final String[] LOGICAL = {"--method", "logical", "--allow-restart"};

    @TempDir
    Path home;

    @Test
    void givenTheStackOn15WhenUpgradedByLogicalReplicationThenItServesOn17WithEveryCommittedRowAndNoReplicationLeft()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "lr", LOGICAL)
                    .withEnvironment("UPSHIFT_PROGRESS_INTERVAL", Upgraded.PROGRESS_INTERVAL);

            Upshift.Result run = upshift.run("run", "lr", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Upgraded.assertServingWithEveryCommittedRow(stack, 17);
            assertCarriedOverAndNothingLeft(stack, "lr");
            JsonNode log = RolledBack.log(upshift, "lr");
            assertThat(log.findValuesAsText("step")).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "1.1", "1.2",
                    "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
                    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4");
            assertThat(log.findValuesAsText("status")).containsOnly("DONE");
            assertThat(run.stdout()).contains("wal_level replica → logical; the old server restarted in",
                    "subscription, slot and publication dropped");
        }
    }

    @Test
    void givenKillsDuringTheCatchUpAndDuringTheSwitchWhenResumedEachTimeThenTheUpgradeCompletesWithEveryCommittedRow()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "lr-killed", LOGICAL);
            killWhen(upshift.start("run", "lr-killed", "--yes"), "the replica subscribed: the catch-up (2.4) under way",
                    () -> replicaRunning(stack) && "1".equals(onReplica(stack, "SELECT count(*) FROM pg_subscription")));
            assertThat(StackFacts.health(stack, "worker")).as("before the switch the stack serves on")
                    .isEqualTo("running/healthy");
            killWhen(upshift.start("resume", "lr-killed"), "the switch begun: the worker stopped",
                    () -> !StackFacts.health(stack, "worker").startsWith("running"));

            Upshift.Result resumed = upshift.run("resume", "lr-killed");

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stdout()).contains("Upgrade completed");
            Upgraded.assertServingWithEveryCommittedRow(stack, 17);
            assertCarriedOverAndNothingLeft(stack, "lr-killed");
        }
    }

    @Test
    void givenARowWrittenIntoTheReplicaDuringTheSwitchWhenAdvancedThenTheMismatchRollsBackToTheOldServerWithNothingLost()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "lr-injected", LOGICAL);
            String original = RolledBack.compose(stack);
            Upshift.Result paused = upshift.run("run", "lr-injected", "--yes", "--until", "3.2");
            assertThat(Files.readString(stack.composeFile())).as("untouched until 3.3").isEqualTo(original);
            assertThat(paused.exitCode()).as(paused.toString()).isZero();
            onReplica(stack, "INSERT INTO users (handle, email, display_name) VALUES ('intruder', 'intruder@example.com', 'I')");

            Upshift.Result resumed = upshift.run("advance", "lr-injected");

            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
            assertThat(resumed.stdout()).contains("Rolled back", "integrity mismatch", "table public.users has 19 rows");
            RolledBack.assertServingOn15(stack, upshift, "lr-injected", original);
            Set<Long> committed = StackFacts.committedByWorker(stack);
            assertThat(StackFacts.siteEventIds(stack)).containsAll(committed);
            assertThat(stack.psql("SELECT count(*) FROM pg_replication_slots")).as("no slot left").isEqualTo("0");
            assertThat(stack.psql("SELECT count(*) FROM pg_publication")).as("no publication left").isEqualTo("0");
            assertThat(replicaRunning(stack)).as("the replica removed").isFalse();
        }
    }

    @Test
    void givenASettingTheReplicaRefusesWhenItIsBuiltThenTheRollbackRemovesItAndTheStackNeverStopped() throws Exception {
        // old_snapshot_threshold exists in 15 and was removed in 17: the replica, on the old container's command, refuses
        try (SampleStack stack = SampleStack.start(compose -> compose.replace(
                "    image: upshift-testbed/postgres:15\n",
                "    image: upshift-testbed/postgres:15\n    command: [\"postgres\", \"-c\", \"old_snapshot_threshold=-1\"]\n"))) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "lr-refused", LOGICAL);
            String original = RolledBack.compose(stack);

            Upshift.Result run = upshift.run("run", "lr-refused", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).contains("Rolled back", "2.3", "old_snapshot_threshold");
            RolledBack.assertServingOn15(stack, upshift, "lr-refused", original);
            assertThat(upshift.events("ServiceStopped")).as("no dependent was stopped: no downtime").isEmpty();
            assertThat(RolledBack.log(upshift, "lr-refused").findValuesAsText("step")).contains("2.3", "R.1")
                    .doesNotContain("3.1", "R.2");
            assertThat(stack.psql("SELECT count(*) FROM pg_replication_slots")).as("no slot left").isEqualTo("0");
            assertThat(stack.psql("SELECT count(*) FROM pg_publication")).as("no publication left").isEqualTo("0");
            assertThat(replicaRunning(stack)).as("the replica removed").isFalse();
        }
    }

    /** Sequences past every row (the worker's inserts succeed), and no replication object on the new server or in the old cluster. */
    private static void assertCarriedOverAndNothingLeft(SampleStack stack, String upgradeId) {
        assertThat(stack.psql("SELECT last_value >= (SELECT max(id) FROM site_events) FROM site_events_id_seq"))
                .isEqualTo("t");
        assertThat(stack.psql("SELECT (SELECT count(*) FROM pg_subscription) + (SELECT count(*) FROM pg_publication)"
                + " + (SELECT count(*) FROM pg_replication_slots)")).isEqualTo("0");
        String oldSlots = ExternalCommand.of(Duration.ofSeconds(30), "docker", "run", "--rm", "--entrypoint", "ls", "-v",
                stack.project() + "_pg_data:/volume:ro", "upshift-testbed/postgres:15", "-A", "/volume/pg_replslot")
                .run().stdoutOrThrow().strip();
        assertThat(oldSlots).as("slots left in the old cluster").isEmpty();
        assertThat(replicaRunning(stack)).as("the replica container is gone").isFalse();
        String worker = ExternalCommand.of(Duration.ofSeconds(30), "docker", "logs", stack.containerId("worker")).run()
                .describe();
        assertThat(worker).as("the worker's inserts on 17").doesNotContain("duplicate key");
    }

    private static String replicaName(SampleStack stack) {
        return stack.project() + "-upshift-replica-db";
    }

    private static boolean replicaRunning(SampleStack stack) {
        return !ExternalCommand.of(Duration.ofSeconds(30), "docker", "ps", "-q", "--filter", "name=^" + replicaName(stack) + "$")
                .run().stdout().isBlank();
    }

    /** A statement run on the replica as the stack's superuser; what it printed, or empty when it failed. */
    private static String onReplica(SampleStack stack, String sql) {
        return ExternalCommand.of(Duration.ofSeconds(30), "docker", "exec", replicaName(stack), "psql", "-qtAX",
                "-U", "owner", "-d", "makapix", "-c", sql).run().stdout().strip();
    }

    private static void killWhen(Upshift.Running running, String what, java.util.function.BooleanSupplier seen)
            throws InterruptedException {
        Upshift.awaitWorld(what, seen);
        running.kill();
    }
}
