package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: one line saying what is wrong and how to fix it, exit code 2, no event appended. */
class BadInputIT {

    private static SampleStack stack;
    private static Upshift upshift;
    private static Path home;

    @BeforeAll
    static void start(@TempDir Path temporary) throws Exception {
        home = temporary;
        stack = SampleStack.start();
        upshift = new Upshift(home);
        assertThat(upshift.run("list").exitCode()).isZero();
        Files.writeString(home.resolve("broken.yml"), "services:\n  db:\n    image: [unclosed\n");
        Path stopped = Files.createDirectories(home.resolve("stopped"));
        Files.copy(stack.composeFile(), stopped.resolve("compose.yml"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static Stream<Arguments> badInputs() {
        String compose = stack.composeFile().toString();
        return Stream.of(
                Arguments.of("a missing compose file", new String[] {"plan", "--compose", "/nowhere/compose.yml",
                        "--to", "upshift-testbed/postgres:17"}, "does not exist"),
                Arguments.of("broken YAML", new String[] {"plan", "--compose", home.resolve("broken.yml").toString(),
                        "--to", "upshift-testbed/postgres:17"}, "is not valid YAML"),
                Arguments.of("an unknown service", new String[] {"plan", "--compose", compose, "--service", "nosuch",
                        "--to", "upshift-testbed/postgres:17"}, "service nosuch is not in"),
                Arguments.of("no running container", new String[] {"plan", "--compose",
                        home.resolve("stopped/compose.yml").toString(), "--to", "upshift-testbed/postgres:17"},
                        "has no running container"),
                Arguments.of("a malformed image reference", new String[] {"plan", "--compose", compose,
                        "--to", "Postgres:17 alpine"}, "is not an image reference"),
                Arguments.of("an unknown upgrade id", new String[] {"preflight", "nosuch"}, "there is no upgrade 'nosuch'"),
                Arguments.of("an unknown upgrade id for the log", new String[] {"log", "nosuch"}, "there is no upgrade"),
                Arguments.of("an unreachable Docker engine", new String[] {"--docker-host", "tcp://127.0.0.1:1", "plan",
                        "--compose", compose, "--to", "upshift-testbed/postgres:17"}, "does not answer"),
                Arguments.of("a Docker engine over SSH", new String[] {"plan", "--compose", compose, "--to",
                        "upshift-testbed/postgres:17", "--docker-host", "ssh://ops@db-2.example"},
                        "is SSH, which Upshift's Docker client (docker-java) cannot speak; forward the engine's socket"),
                Arguments.of("a Docker engine address of another scheme", new String[] {"plan", "--compose", compose,
                        "--to", "upshift-testbed/postgres:17", "--docker-host", "http://127.0.0.1:2375"},
                        "is not a Docker engine address Upshift can use"),
                Arguments.of("pg-upgrade without its image", new String[] {"plan", "--compose", compose, "--to",
                        "upshift-testbed/postgres:17", "--method", "pg-upgrade"}, "--method pg-upgrade needs --upgrade-image"),
                Arguments.of("a transfer mode not built yet", new String[] {"plan", "--compose", compose, "--to",
                        "upshift-testbed/postgres:17", "--method", "pg-upgrade", "--upgrade-image",
                        "upshift-testbed/postgres-upgrade:15-to-17", "--transfer", "clone"},
                        "transfer mode clone is not available yet (it needs reflinks"),
                Arguments.of("a transfer mode for dump-restore", new String[] {"plan", "--compose", compose, "--to",
                        "upshift-testbed/postgres:17", "--transfer", "copy"}, "belong to --method pg-upgrade"),
                Arguments.of("an unknown snapshot", new String[] {"plan", "--compose", compose, "--to",
                        "upshift-testbed/postgres:17", "--snapshot", "zfs"}, "unknown snapshot 'zfs'; use keep"));
    }

    @ParameterizedTest(name = "given {0} when running upshift then it exits 2 with one line and appends nothing")
    @MethodSource("badInputs")
    void givenBadInputWhenRunningThenOneLineExitTwoAndNothingAppended(String what, String[] arguments, String says) {
        long eventsBefore = upshift.storedEvents();

        Upshift.Result result = upshift.run(arguments);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout().strip().lines()).as(result.toString()).hasSize(1);
        assertThat(result.stdout()).startsWith("upshift: ").contains(says);
        assertThat(upshift.storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void givenAMissingRequiredOptionWhenPlanningThenItExitsTwo() {
        Upshift.Result result = upshift.run("plan", "--compose", stack.composeFile().toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout() + result.stderr()).contains("--to");
    }

    @Test
    void givenAnUnknownCommandWhenRunningThenItExitsTwo() {
        Upshift.Result result = upshift.run("upgrade-everything");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    }
}
