package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: one line saying what is wrong and how to fix it, exit code 2, no event appended, the stack's file untouched. */
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
        // the file is read whole before the engine is asked: its env file must be there too
        Files.copy(stack.directory().resolve("db.env"), stopped.resolve("db.env"));
        writeHostileInputs();
    }

    /** Stacks and directories an operator may really have; issue 14's hostile input, refused before anything is touched. */
    private static void writeHostileInputs() throws IOException {
        String database = """
                    environment:
                      POSTGRES_PASSWORD: example
                    volumes:
                      - pg_data:/var/lib/postgresql/data
                volumes:
                  pg_data:
                """;
        Files.writeString(home.resolve("extends.yml"), """
                services:
                  db:
                    extends:
                      file: base.yml
                      service: postgres
                    image: upshift-testbed/postgres:15
                """ + database);
        Files.writeString(home.resolve("merged-image.yml"), """
                x-db: &db
                  image: upshift-testbed/postgres:15
                services:
                  db:
                    <<: *db
                """ + database);
        Files.writeString(home.resolve("quoted-service.yml"), """
                services:
                  "db'; x":
                    image: upshift-testbed/postgres:15
                """ + database);
        try (RandomAccessFile sparse = new RandomAccessFile(home.resolve("huge.yml").toFile(), "rw")) {
            sparse.setLength((64L << 20) + 1);
        }
        Path shared = Files.createDirectories(home.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createSymbolicLink(home.resolve("linked-to-shared"), shared);
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
                        "upshift-testbed/postgres:17", "--snapshot", "zfs"}, "unknown snapshot 'zfs'; use keep"),
                Arguments.of("an upgrade id with a quote and a semicolon", planWithId("x'; DROP TABLE users;--"),
                        "is not a usable upgrade id"),
                Arguments.of("an upgrade id with a space", planWithId("makapix pg17"), "is not a usable upgrade id"),
                Arguments.of("an upgrade id in unicode", planWithId("mäkapix-pg17"), "is not a usable upgrade id"),
                Arguments.of("an upgrade id of 64 characters", planWithId("a".repeat(64)), "at most 63 characters"),
                Arguments.of("a service name with a quote and a semicolon", new String[] {"plan", "--compose", compose,
                        "--service", "db'; x", "--to", "upshift-testbed/postgres:17"}, "service db'; x is not in"),
                Arguments.of("a service name Compose cannot run", new String[] {"plan", "--compose",
                        home.resolve("quoted-service.yml").toString(), "--service", "db'; x", "--to",
                        "upshift-testbed/postgres:17"}, "has no running container"),
                Arguments.of("a database service using extends", planOf("extends.yml"), "uses extends:, which Upshift does not resolve"),
                Arguments.of("an image merged from an anchor", planOf("merged-image.yml"),
                        "is not written on its own image: line (anchor, merge key or flow style)"),
                Arguments.of("a compose file of more than 64 MB", planOf("huge.yml"), "is larger than 64 MB"),
                Arguments.of("a world-writable backup directory", new String[] {"plan", "--compose", compose, "--to",
                        "upshift-testbed/postgres:17", "--backup-dir", home.resolve("shared").toString()},
                        "is writable by every user, and the dumps hold the whole database"),
                Arguments.of("a backup directory linked to a world-writable one", new String[] {"plan", "--compose", compose,
                        "--to", "upshift-testbed/postgres:17", "--backup-dir", home.resolve("linked-to-shared").toString()},
                        "is writable by every user"));
    }

    private static String[] planWithId(String id) {
        return new String[] {"plan", "--compose", stack.composeFile().toString(), "--to", "upshift-testbed/postgres:17",
                "--id", id};
    }

    private static String[] planOf(String composeFile) {
        return new String[] {"plan", "--compose", home.resolve(composeFile).toString(), "--to", "upshift-testbed/postgres:17"};
    }

    @ParameterizedTest(name = "given {0} when running upshift then it exits 2 with one line and appends nothing")
    @MethodSource("badInputs")
    void givenBadInputWhenRunningThenOneLineExitTwoAndNothingAppended(String what, String[] arguments, String says)
            throws IOException {
        long eventsBefore = upshift.storedEvents();
        String composeBefore = Files.readString(stack.composeFile());

        Upshift.Result result = upshift.run(arguments);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout().strip().lines()).as(result.toString()).hasSize(1);
        assertThat(result.stdout()).startsWith("upshift: ").contains(says);
        assertThat(upshift.storedEvents()).isEqualTo(eventsBefore);
        assertThat(Files.readString(stack.composeFile())).isEqualTo(composeBefore);
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
