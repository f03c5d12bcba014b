package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal on the sample stack while its worker writes: a target that cannot serve fails the rehearsal at the step
 * that would have failed; the planned one gives an expected downtime that the real upgrade, run right after, meets
 * within 50 %. Neither touches the stack: its compose file's bytes, its containers (ids and states) and its volumes
 * are as they were, and nothing of either rehearsal is left on the engine.
 */
class RehearsalIT {

    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void givenTheStackServingWhenRehearsedThenTheExpectedDowntimeIsTheRealOnesAndTheStackIsUntouched() throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = new Upshift(home);
            Stack before = Stack.of(stack);

            assertThat(upshift.run("plan", "--compose", stack.composeFile().toString(), "--to",
                    "upshift-testbed/app:1", "--id", "broken").exitCode()).isZero();
            Upshift.Result failed = upshift.run("rehearse", "broken");

            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.stdout()).contains("Rehearsal broken-rehearsal-1 failed at 0.4 Check the target image",
                    "The live stack was not touched.");
            assertThat(upshift.run("audit", "--id", "broken", "--type", "RehearsalFailed").stdout()).contains("0.4");
            assertUntouchedAndNothingLeft(stack, before, "broken-rehearsal-1");

            assertThat(upshift.run("plan", "--compose", stack.composeFile().toString(), "--to",
                    "upshift-testbed/postgres:17", "--id", "to17").stdout()).contains("Expected downtime: not rehearsed yet");
            Upshift.Result rehearsed = upshift.run("rehearse", "to17");

            assertThat(rehearsed.exitCode()).as(rehearsed.toString()).isZero();
            assertThat(rehearsed.stdout()).contains("3.7", "Expected downtime: ", "The live stack was not touched.");
            assertUntouchedAndNothingLeft(stack, before, "to17-rehearsal-1");
            assertThat(StackFacts.serverMajor(stack)).isEqualTo(15);
            JsonNode status = JSON.readTree(upshift.run("status", "to17", "--json").stdout());
            assertThat(status.get("status").asText()).isEqualTo("PLANNED");
            double expected = status.get("expectedDowntimeSeconds").asDouble();
            assertThat(upshift.run("status", "to17").stdout()).contains("Expected downtime: ", " s (rehearsed)");
            assertThat(upshift.run("list").stdout()).contains("to17-rehearsal-1");

            Upshift.Result upgraded = upshift.run("run", "to17", "--yes");
            assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
            JsonNode downtime = JSON.readTree(upshift.run("status", "to17", "--json").stdout()).get("downtime");
            double real = Duration.between(Instant.parse(downtime.get("started").asText()),
                    Instant.parse(downtime.get("ended").asText())).toMillis() / 1000.0;
            System.out.printf("rehearsed downtime %.2f s, real downtime %.2f s%n", expected, real);
            assertThat(expected).as("the rehearsal's expected downtime against the real one").isBetween(real * 0.5, real * 1.5);
            Upgraded.assertServingWithEveryCommittedRow(stack, 17);
        }
    }

    private void assertUntouchedAndNothingLeft(SampleStack stack, Stack before, String rehearsal) throws Exception {
        assertThat(Stack.of(stack)).as("the live stack after " + rehearsal).isEqualTo(before);
        assertThat(docker("ps", "--all", "--quiet", "--filter", "label=com.docker.compose.project=" + stack.project()
                + "-rehearsal")).as("containers of the scratch project").isEmpty();
        assertThat(docker("volume", "ls", "--quiet", "--filter", "label=dev.upshift.upgrade=" + rehearsal))
                .as("volumes the rehearsal made").isEmpty();
        assertThat(docker("network", "ls", "--quiet", "--filter", "label=dev.upshift.upgrade=" + rehearsal))
                .as("its network").isEmpty();
        assertThat(home.resolve("rehearsals").resolve(rehearsal)).as("its compose file and backups").doesNotExist();
    }

    private static String docker(String... arguments) {
        List<String> command = Stream.concat(Stream.of("docker"), Stream.of(arguments)).toList();
        return new ExternalCommand(command, QUICK).run().stdoutOrThrow().strip();
    }

    /**
     * What must not change: the compose file's bytes, the files beside it, each container of the project (id, name,
     * state) and the volumes of the project.
     */
    private record Stack(byte[] composeFile, List<String> files, String containers, String volumes) {

        static Stack of(SampleStack stack) throws Exception {
            List<String> files;
            try (Stream<Path> paths = Files.walk(stack.directory())) {
                files = paths.map(path -> stack.directory().relativize(path).toString()).sorted().toList();
            }
            return new Stack(Files.readAllBytes(stack.composeFile()), files,
                    docker("ps", "--all", "--no-trunc", "--filter", "label=com.docker.compose.project=" + stack.project(),
                            "--format", "{{.ID}} {{.Names}} {{.State}}"),
                    docker("volume", "ls", "--quiet", "--filter", "label=com.docker.compose.project=" + stack.project()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stack that && Arrays.equals(composeFile, that.composeFile)
                    && files.equals(that.files) && containers.equals(that.containers) && volumes.equals(that.volumes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(composeFile);
        }

        @Override
        public String toString() {
            return "compose file of " + composeFile.length + " bytes, files " + files + ", containers [" + containers
                    + "], volumes [" + volumes + "]";
        }
    }
}
