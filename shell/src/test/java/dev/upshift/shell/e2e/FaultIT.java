package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real faults during a real upgrade, each met with the automatic compensation: every test ends with the old
 * stack serving on 15 with its data and its compose file as it was.
 */
class FaultIT {

    private static final String TARGET = "upshift-testbed/postgres:17";

    @TempDir
    Path home;

    @Test
    void givenTheTargetImageGoneAfterPreflightWhenRunningThenPhaseTwoFailsAndTheComposeFileIsRestored() throws Exception {
        String doomed = "upshift-testbed/postgres:17-doomed-" + Long.toHexString(System.nanoTime());
        docker("tag", TARGET, doomed);
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, doomed, "gone");
            String original = RolledBack.compose(stack);
            assertThat(upshift.run("preflight", "gone").exitCode()).isZero();
            docker("rmi", doomed);

            Upshift.Result run = upshift.run("run", "gone", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).contains("Rolled back", "2.2");
            RolledBack.assertServingOn15(stack, upshift, "gone", original);
            JsonNode log = RolledBack.log(upshift, "gone");
            assertThat(log.findValuesAsText("step")).contains("2.2", "R.1").doesNotContain("3.1");
        }
    }

    @Test
    void givenASettingTheNewServerRefusesWhenRunningThenItExitsAtStartAndTheOldServerComesBack() throws Exception {
        // old_snapshot_threshold exists in 15 and was removed in 17: the new server refuses to start with it
        try (SampleStack stack = SampleStack.start(compose -> compose.replace(
                "    image: upshift-testbed/postgres:15\n",
                "    image: upshift-testbed/postgres:15\n    command: [\"postgres\", \"-c\", \"old_snapshot_threshold=-1\"]\n"))) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "refused");
            String original = RolledBack.compose(stack);

            Upshift.Result run = upshift.run("run", "refused", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).contains("Rolled back", "3.5", "old_snapshot_threshold");
            RolledBack.assertServingOn15(stack, upshift, "refused", original);
            assertThat(stack.psql("SHOW old_snapshot_threshold")).as("recreated from its recorded spec").isEqualTo("-1");
        }
    }

    @Test
    void givenADependentThatIsUnhealthyOn17WhenRunningThenPhaseFourFailsAndTheStackServesOn15Again() throws Exception {
        // pg_stat_bgwriter lost checkpoints_timed in 17: the api's health query works on 15 only
        try (SampleStack stack = SampleStack.start(compose -> compose.replace(
                "      PGAPPNAME: makapix-api\n",
                "      PGAPPNAME: makapix-api\n      HEALTH_QUERY: \"select checkpoints_timed from pg_stat_bgwriter\"\n"))) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "unhealthy");
            String original = RolledBack.compose(stack);

            Upshift.Result run = upshift.run("run", "unhealthy", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).contains("Rolled back", "4.1", "api is");
            RolledBack.assertServingOn15(stack, upshift, "unhealthy", original);
        }
    }

    private static void docker(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "docker";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        ExternalCommand.of(Duration.ofSeconds(60), command).run().stdoutOrThrow();
    }
}
