package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the running process inside Phase 3, then {@code resume}: the state comes from the store, the
 * step in progress is checked against the world, nothing is done twice. While no process runs, a test can
 * tamper with the world — corrupt the final dump, inject a row into the new server during a pause after the
 * restore — and see the upgrade refuse to carry on with it.
 */
class ResumeIT {

    private static final String TARGET = "upshift-testbed/postgres:17";

    @TempDir
    Path home;

    @Test
    void givenKillsAfter31AndAfter33AndDuring35WhenResumedEachTimeThenTheUpgradeCompletesWithIntegrityVerified()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "killed");
            Path backups = RolledBack.backups(stack);
            killWhen(upshift.start("run", "killed", "--yes"), "the final dump of 3.1",
                    () -> Files.exists(backups.resolve("killed_final_roles.sql")));
            killWhen(upshift.start("resume", "killed"), "the new volume of 3.3",
                    () -> StackFacts.volumeExists(stack.project() + "_pg_data_pg17"));
            killWhen(upshift.start("resume", "killed"), "the new server of 3.5 running",
                    () -> StackFacts.health(stack, "db").startsWith("running") && StackFacts.serverImage(stack).equals(TARGET));

            Upshift.Result resumed = upshift.run("resume", "killed");

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stdout()).contains("Upgrade completed");
            assertThat(StackFacts.serverMajor(stack)).isEqualTo(17);
            Set<Long> committed = StackFacts.committedByWorker(stack); // first: the worker goes on writing
            assertThat(StackFacts.siteEventIds(stack)).containsAll(committed);
            JsonNode log = RolledBack.log(upshift, "killed");
            assertThat(log.findValuesAsText("status")).containsOnly("DONE");
            assertThat(log.findValuesAsText("step")).contains("3.7", "5.3");
        }
    }

    @Test
    void givenTheFinalDumpCorruptedWhileNoProcessRanWhenResumedThenTheRestoreRefusesItAndTheStackIsRolledBack()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "corrupted");
            String original = RolledBack.compose(stack);
            // not on sight of the dump's files: the kill could land before 3.1's outcome is stored, and the resumed
            // 3.1 would take the dump again; the new volume of 3.3 comes after it, seconds before 3.5 reads the dump
            killWhen(upshift.start("run", "corrupted", "--yes"), "the new volume of 3.3, after the final dump",
                    () -> StackFacts.volumeExists(stack.project() + "_pg_data_pg17"));
            try (FileChannel dump = FileChannel.open(RolledBack.backups(stack).resolve("corrupted_final.dump"),
                    StandardOpenOption.WRITE)) {
                dump.truncate(dump.size() / 2);
            }

            Upshift.Result resumed = upshift.run("resume", "corrupted");

            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
            assertThat(resumed.stdout()).contains("Rolled back", "3.5", "sha256 differs");
            RolledBack.assertServingOn15(stack, upshift, "corrupted", original);
        }
    }

    @Test
    void givenARowInjectedIntoTheNewServerWhileItPausedAfterTheRestoreWhenAdvancedThenTheMismatchRollsItBack()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "injected");
            String original = RolledBack.compose(stack);
            Upshift.Result paused = upshift.run("run", "injected", "--yes", "--until", "3.5");
            assertThat(paused.exitCode()).as(paused.toString()).isZero();
            stack.psql("INSERT INTO users (handle, email, display_name) VALUES ('intruder', 'intruder@example.com', 'I')");

            Upshift.Result resumed = upshift.run("advance", "injected");

            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
            assertThat(resumed.stdout()).contains("Rolled back", "integrity mismatch", "table public.users has 19 rows");
            RolledBack.assertServingOn15(stack, upshift, "injected", original);
        }
    }

    private static void killWhen(Upshift.Running running, String what, BooleanSupplier seen) throws InterruptedException {
        Upshift.awaitWorld(what, seen);
        running.kill();
    }
}
