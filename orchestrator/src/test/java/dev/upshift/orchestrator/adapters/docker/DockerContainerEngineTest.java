package dev.upshift.orchestrator.adapters.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.OneOffRun;
import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.upshift.orchestrator.testbed.SampleStack.DATABASE_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the real engine and the test bed's sample stack; every container and volume made here is removed here. */
class DockerContainerEngineTest {

    private static final String PGDATA = "/var/lib/postgresql/data";
    private static final String POSTGRES_15 = "upshift-testbed/postgres:15";
    private static final String POSTGRES_17 = "upshift-testbed/postgres:17";
    private static final String APP = "upshift-testbed/app:1";
    private static final ContainerSpec.HealthCheck NO_HEALTH_CHECK = new ContainerSpec.HealthCheck(List.of("NONE"), 0, 0, 0, 0);
    /** Keeps awaitHealthy from taking "running" for ready, so only the exit can end the wait early. */
    private static final ContainerSpec.HealthCheck NEVER_HEALTHY = new ContainerSpec.HealthCheck(List.of("CMD", "false"),
            1_000_000_000L, 1_000_000_000L, 60_000_000_000L, 3);
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(90);

    private static SampleStack stack;
    private static DockerContainerEngine engine;
    private static final List<String> containersMadeHere = new ArrayList<>();
    private static final List<String> volumesMadeHere = new ArrayList<>();

    @TempDir
    Path temp;

    @BeforeAll
    static void startTheStack() {
        stack = SampleStack.start();
        engine = new DockerContainerEngine(null);
    }

    @AfterAll
    static void removeWhatTheTestsMade() {
        containersMadeHere.forEach(id -> ExternalCommand.of(QUICK, "docker", "rm", "-f", id).run());
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            volumesMadeHere.forEach(name -> ExternalCommand.of(QUICK, "docker", "volume", "rm", name).run());
        }
    }

    @Test
    void givenTheSampleDatabase_whenReadingItsSpec_thenItHoldsWhatComposeGaveItAndNothingTheImageSupplies() {
        ContainerSpec spec = engine.spec(stack.containerId(DATABASE_SERVICE));

        assertThat(spec.name()).isEqualTo(stack.project() + "-db-1");
        assertThat(spec.image()).isEqualTo(POSTGRES_15);
        assertThat(spec.imageId()).isEqualTo(engine.image(POSTGRES_15).orElseThrow().id());
        assertThat(spec.environment()).containsEntry("POSTGRES_USER", "owner").containsEntry("POSTGRES_DB", "makapix")
                .doesNotContainKeys("PATH", "PG_MAJOR", "LANG", "PGDATA");
        assertThat(spec.command()).isNull();
        assertThat(spec.entrypoint()).isNull();
        assertThat(spec.user()).isNull();
        assertThat(spec.workingDir()).isNull();
        assertThat(spec.restartPolicy()).isEqualTo("unless-stopped");
        assertThat(spec.ports()).isEmpty();
    }

    @Test
    void givenTheSampleDatabase_whenReadingItsSpec_thenNoSecretValueIsInIt() {
        ContainerSpec spec = engine.spec(stack.containerId(DATABASE_SERVICE));

        assertThat(spec.environment()).containsEntry("POSTGRES_PASSWORD", null).containsEntry("API_WORKER_PASSWORD", null);
        assertThat(spec.missingEnvironment()).containsExactlyInAnyOrder("API_WORKER_PASSWORD", "POSTGRES_PASSWORD");
        assertThat(spec.toString()).doesNotContain(stack.envValue("db.env", "POSTGRES_PASSWORD"))
                .doesNotContain(stack.envValue("db.env", "API_WORKER_PASSWORD"));
    }

    @Test
    void givenTheSampleDatabase_whenReadingItsSpec_thenItKeepsTheComposeHealthCheckLabelsVolumeAndNetworkAlias() {
        ContainerSpec spec = engine.spec(stack.containerId(DATABASE_SERVICE));

        assertThat(spec.healthCheck()).isEqualTo(new ContainerSpec.HealthCheck(
                List.of("CMD-SHELL", "pg_isready -h 127.0.0.1 -U \"${POSTGRES_USER}\" -d \"${POSTGRES_DB}\""),
                2_000_000_000L, 5_000_000_000L, 60_000_000_000L, 5));
        assertThat(spec.labels()).containsEntry("com.docker.compose.project", stack.project())
                .containsEntry("com.docker.compose.service", "db")
                .doesNotContainKey("upshift.testbed.recipe");
        assertThat(spec.mounts()).contains(
                new ContainerSpec.Mount("volume", stack.project() + "_pg_data", PGDATA, false),
                new ContainerSpec.Mount("bind", stack.directory().resolve("seed").toString(), "/docker-entrypoint-initdb.d", true));
        assertThat(spec.networks()).hasSize(1);
        assertThat(spec.networks().get(0).name()).isEqualTo(stack.project() + "_default");
        assertThat(spec.networks().get(0).aliases()).contains("db")
                .doesNotContain(stack.containerId(DATABASE_SERVICE).substring(0, 12));
    }

    @Test
    void givenTheStoppedDatabase_whenRemovedAndCreatedFromItsSpec_thenItServesTheSameDataUnderTheSameName() {
        String oldId = stack.containerId(DATABASE_SERVICE);
        String users = stack.psql("SELECT count(*) FROM users");
        engine.stop(oldId, Duration.ofSeconds(30));
        ContainerSpec spec = engine.spec(oldId);

        engine.remove(oldId);
        String newId = engine.create(withSecrets(spec));
        engine.start(newId);
        ContainerInfo started = engine.awaitHealthy(newId, HEALTHY_WITHIN);

        assertThat(started.health()).as(engine.logTail(newId, 30)).isEqualTo("healthy");
        assertThat(newId).isNotEqualTo(oldId).isEqualTo(stack.containerId(DATABASE_SERVICE));
        assertThat(stack.psql("SELECT count(*) FROM users")).isEqualTo(users);
        assertThat(stack.exec("api", "getent", "hosts", "db")).startsWith(started.addresses().values().iterator().next() + " ");
        assertThat(engine.spec(newId)).isEqualTo(spec);
    }

    @Test
    void givenTheDatabaseSpec_whenCreatedOnTheNextMajorImageWithANewVolume_thenThatServerInitialisesAndReports17() {
        String volume = stack.project() + "_pg17_data";
        ContainerSpec onPostgres15 = engine.spec(stack.containerId(DATABASE_SERVICE));
        ContainerSpec onPostgres17 = aside(withSecrets(onPostgres15), stack.project() + "-db17")
                .withImage(POSTGRES_17, engine.image(POSTGRES_17).orElseThrow().id())
                .withMountSource(PGDATA, volume);
        volumesMadeHere.add(volume);
        engine.createVolume(volume, Map.of("dev.upshift.test", "true"));

        String id = made(engine.create(onPostgres17));
        engine.start(id);
        ContainerInfo started = engine.awaitHealthy(id, HEALTHY_WITHIN);

        assertThat(started.health()).as(engine.logTail(id, 30)).isEqualTo("healthy");
        CommandResult version = engine.exec(id, List.of("psql", "-X", "-U", "owner", "-d", "makapix", "-tAc",
                "SELECT current_setting('server_version_num')::int / 10000 || ' ' || (SELECT count(*) FROM users)"));
        assertThat(version.stdout().strip()).as(version.stderr()).isEqualTo("17 " + stack.psql("SELECT count(*) FROM users"));
        engine.stop(id, Duration.ofSeconds(30));
        engine.remove(id);
    }

    @Test
    void givenASpecWithoutItsSecrets_whenCreating_thenItIsRefusedNamingTheVariableOnly() {
        ContainerSpec spec = aside(engine.spec(stack.containerId(DATABASE_SERVICE)), stack.project() + "-never");

        assertThatThrownBy(() -> engine.create(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POSTGRES_PASSWORD").hasMessageContaining("API_WORKER_PASSWORD");
        assertThat(ExternalCommand.of(QUICK, "docker", "inspect", stack.project() + "-never").run().succeeded()).isFalse();
    }

    @Test
    void givenACommandThatFails_whenExecuted_thenItsExitCodeStdoutAndStderrComeBack() {
        CommandResult result = engine.exec(stack.containerId(DATABASE_SERVICE),
                List.of("sh", "-c", "echo out; echo 'err ö' >&2; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err ö\n");
    }

    @Test
    void givenACommandThatReportsOnStderr_whenExecuted_thenEachLineReachesTheListenerWhileItRuns() {
        Heard heard = new Heard();

        CommandResult result = engine.exec(stack.containerId(DATABASE_SERVICE),
                List.of("sh", "-c", "echo one >&2; sleep 2; echo out; printf 'two ö\\nthree' >&2"), heard);

        heard.assertEveryLineWhileItSlept();
        assertThat(result).isEqualTo(new CommandResult(0, "out\n", "one\ntwo ö\nthree"));
    }

    @Test
    void givenAOneOffThatPrintsAsItRuns_whenRunWithAListener_thenEachLineOfEitherStreamReachesItWhileItRuns() {
        Heard heard = new Heard();

        CommandResult result = engine.run(new OneOffRun(null, POSTGRES_15,
                List.of("sh", "-c", "echo one; sleep 2; echo 'two ö' >&2; printf three"), Map.of(), Map.of(), QUICK), heard);

        heard.assertEveryLineWhileItSlept();
        assertThat(result).isEqualTo(new CommandResult(0, "one\nthree", "two ö\n"));
    }

    @Test
    void givenAOneOffThatPrintsMuch_whenRunWithAListener_thenTheListenerHasEveryLineAndTheResultTheLast64KiB() {
        List<String> lines = new ArrayList<>();

        CommandResult result = engine.run(new OneOffRun(null, POSTGRES_15, List.of("seq", "100000"), Map.of(), Map.of(),
                QUICK), lines::add);

        assertThat(lines).hasSize(100_000).endsWith("100000");
        assertThat(result.stdout()).hasSize(64 * 1024).endsWith("\n99999\n100000\n");
    }

    @Test
    void givenADumpThatReportsOnStderr_whenStreamedToAFile_thenItsLinesReachTheListenerWhileTheFileIsWritten()
            throws IOException {
        List<Instant> arrivals = new ArrayList<>();
        Path file = temp.resolve("dump");

        CommandResult result = engine.execToFile(stack.containerId(DATABASE_SERVICE),
                List.of("sh", "-c", "echo 'dumping table a' >&2; echo a; sleep 2; echo 'dumping table b' >&2; echo b"),
                file, line -> arrivals.add(Instant.now()));
        Instant ended = Instant.now();

        assertThat(arrivals).hasSize(2);
        assertThat(Duration.between(arrivals.get(0), ended)).isGreaterThan(Duration.ofMillis(1500));
        assertThat(result).isEqualTo(new CommandResult(0, "", "dumping table a\ndumping table b\n"));
        assertThat(Files.readString(file)).isEqualTo("a\nb\n");
    }

    @Test
    void givenA200MbFileInTheContainer_whenStreamedToAFile_thenTheFileIs0600AndHasTheSameDigest() throws Exception {
        String db = stack.containerId(DATABASE_SERVICE);
        CommandResult generated = engine.exec(db, List.of("sh", "-c",
                "head -c 200000000 /dev/urandom > /tmp/x && sha256sum /tmp/x | cut -d' ' -f1"));
        assertThat(generated.exitCode()).as(generated.stderr()).isZero();
        Path file = temp.resolve("x.bin");

        long started = System.nanoTime();
        CommandResult streamed = engine.execToFile(db, List.of("sh", "-c", "cat /tmp/x; echo done >&2"), file, line -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        engine.exec(db, List.of("rm", "-f", "/tmp/x"));

        System.out.printf("execToFile: %d bytes in %.2f s = %.1f MB/s%n", Files.size(file), seconds,
                Files.size(file) / seconds / 1e6);
        assertThat(streamed).isEqualTo(new CommandResult(0, "", "done\n"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(file)).isEqualTo(200_000_000L);
        assertThat(sha256(file)).isEqualTo(generated.stdout().strip());
    }

    @Test
    void givenAFileThatExists_whenStreamingIntoIt_thenItIsNotOverwritten() throws IOException {
        Path file = Files.writeString(temp.resolve("kept"), "kept");

        assertThatThrownBy(() -> engine.execToFile(stack.containerId(DATABASE_SERVICE), List.of("echo", "new"), file, line -> { }))
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    @Test
    void givenALocalFile_whenCopiedIntoTheDatabaseContainer_thenThePostgresUserReadsItBack() throws IOException {
        String db = stack.containerId(DATABASE_SERVICE);
        Path file = Files.writeString(temp.resolve("roles.sql"), "CREATE ROLE ö;\n".repeat(1000));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        engine.copyInto(db, file, "/tmp/upshift-roles.sql");
        CommandResult asPostgres = engine.exec(db, List.of("setpriv", "--reuid=999", "--regid=999", "--clear-groups",
                "cat", "/tmp/upshift-roles.sql"));
        engine.exec(db, List.of("rm", "-f", "/tmp/upshift-roles.sql"));

        assertThat(asPostgres.exitCode()).as(asPostgres.stderr()).isZero();
        assertThat(asPostgres.stdout()).isEqualTo(Files.readString(file));
    }

    @Test
    void givenAContainerNotYetStarted_whenAFileIsCopiedIntoIt_thenItIsThereWhenItStarts() throws IOException {
        String id = made(engine.create(throwaway("reader", List.of("cat", "/tmp/upshift-copied.txt"), NEVER_HEALTHY)));
        Path file = Files.writeString(temp.resolve("copied.txt"), "copied before the start\n");

        engine.copyInto(id, file, "/tmp/upshift-copied.txt");
        engine.start(id);

        assertThat(engine.awaitHealthy(id, QUICK).state()).isEqualTo("exited");
        assertThat(engine.logTail(id, 10)).isEqualTo("copied before the start\n");
        engine.remove(id);
    }

    @Test
    void givenAContainer_whenStartedStoppedAndRemovedTwice_thenTheSecondTimeDoesNothing() {
        String id = made(engine.create(throwaway("sleeper", List.of("sleep", "300"), NO_HEALTH_CHECK)));

        engine.start(id);
        engine.start(id);
        assertThat(engine.awaitHealthy(id, QUICK).state()).isEqualTo("running");
        assertThatThrownBy(() -> engine.remove(id)).isInstanceOf(IllegalStateException.class).hasMessageContaining("running");
        engine.stop(id, Duration.ofSeconds(1));
        engine.stop(id, Duration.ofSeconds(1));
        engine.remove(id);

        assertThatCode(() -> engine.remove(id)).doesNotThrowAnyException();
        assertThat(ExternalCommand.of(QUICK, "docker", "inspect", id).run().succeeded()).isFalse();
    }

    @Test
    void givenAVolume_whenCreatedTwice_thenItExistsOnceWithItsLabels() {
        String volume = stack.project() + "_idempotent";
        volumesMadeHere.add(volume);
        assertThat(engine.volumeExists(volume)).isFalse();

        engine.createVolume(volume, Map.of("dev.upshift.test", "first"));
        engine.createVolume(volume, Map.of("dev.upshift.test", "second"));

        assertThat(engine.volumeExists(volume)).isTrue();
        assertThat(ExternalCommand.of(QUICK, "docker", "volume", "inspect", "-f", "{{index .Labels \"dev.upshift.test\"}}",
                volume).run().stdoutOrThrow().strip()).isEqualTo("first");
    }

    @Test
    void givenAContainerWhoseCommandExitsAtOnce_whenAwaitingHealth_thenItReturnsPromptlyWithExited() {
        String id = made(engine.create(throwaway("quitter", List.of("sh", "-c", "echo bye; exit 4"), NEVER_HEALTHY)));
        engine.start(id);

        long started = System.nanoTime();
        ContainerInfo info = engine.awaitHealthy(id, Duration.ofSeconds(60));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(info.state()).isEqualTo("exited");
        assertThat(engine.logTail(id, 5)).isEqualTo("bye\n");
        engine.remove(id);
    }

    @Test
    void givenAnImageThatDeclaresAVolume_whenRunningACommandOnce_thenItsAnonymousVolumeIsGoneAfterwards() {
        CommandResult mounted = engine.runOnce(POSTGRES_15, List.of("sh", "-c",
                "grep ' " + PGDATA + " ' /proc/self/mountinfo | sed -E 's#.*/volumes/([^/]+)/_data .*#\\1#'"));
        String anonymousVolume = mounted.stdout().strip();

        assertThat(anonymousVolume).as(mounted.stderr()).matches("[0-9a-f]{64}");
        assertThat(engine.volumeExists(anonymousVolume)).isFalse();
    }

    @Test
    void givenTheRunningDatabase_whenProbingItsOwnHealthCheck_thenTheShellFormPasses() {
        assertThat(engine.passesHealthCheck(stack.containerId(DATABASE_SERVICE))).isTrue();
    }

    @Test
    void givenAContainerWhoseHealthCheckFails_whenProbed_thenItFailsRunningAndStopped() {
        String id = made(engine.create(throwaway("failing-check", List.of("sleep", "300"), NEVER_HEALTHY)));
        engine.start(id);

        assertThat(engine.passesHealthCheck(id)).isFalse();
        assertThat(engine.state(id).health()).isEqualTo("starting");
        engine.stop(id, Duration.ofSeconds(1));
        assertThat(engine.passesHealthCheck(id)).isFalse();
        engine.remove(id);
    }

    @Test
    void givenTheRunningDatabase_whenReadingItsLogTail_thenTheLastLinesAreThere() {
        String tail = engine.logTail(stack.containerId(DATABASE_SERVICE), 200);

        assertThat(tail).contains("database system is ready to accept connections");
    }

    /** The lines a listener was handed, and when the first came. */
    private static final class Heard implements Consumer<String> {

        private final List<String> lines = new ArrayList<>();
        private Instant first;

        @Override
        public void accept(String line) {
            if (first == null) {
                first = Instant.now();
            }
            lines.add(line);
        }

        /** "one", "two ö", "three", the first before a 2 s sleep, checked as soon as the command has returned. */
        void assertEveryLineWhileItSlept() {
            Instant ended = Instant.now();
            assertThat(lines).as("the last line, without a newline, too").containsExactly("one", "two ö", "three");
            assertThat(Duration.between(first, ended)).as("the first line came while it slept")
                    .isGreaterThan(Duration.ofMillis(1500));
        }
    }

    /** A container of the app image: it declares no VOLUME, so none is left behind. */
    private static ContainerSpec throwaway(String suffix, List<String> entrypoint, ContainerSpec.HealthCheck healthCheck) {
        return new ContainerSpec(stack.project() + "-" + suffix, APP, null, Map.of(), null, entrypoint,
                Map.of("dev.upshift.test", "true"), List.of(new ContainerSpec.Network(stack.project() + "_default", List.of())),
                List.of(), List.of(), healthCheck, "no", null, null);
    }

    /** The spec as a container next to the stack's: another name, no compose labels, no "db" alias. */
    private static ContainerSpec aside(ContainerSpec spec, String name) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.keySet().removeIf(key -> key.startsWith("com.docker.compose."));
        List<ContainerSpec.Network> networks = spec.networks().stream()
                .map(network -> new ContainerSpec.Network(network.name(), List.of())).toList();
        return new ContainerSpec(name, spec.image(), spec.imageId(), spec.environment(), spec.command(),
                spec.entrypoint(), labels, networks, spec.mounts(), spec.ports(), spec.healthCheck(), "no", spec.user(),
                spec.workingDir());
    }

    private static ContainerSpec withSecrets(ContainerSpec spec) {
        Map<String, String> secrets = new LinkedHashMap<>();
        spec.missingEnvironment().forEach(name -> secrets.put(name, stack.envValue("db.env", name)));
        return spec.withEnvironment(secrets);
    }

    private static String made(String containerId) {
        containersMadeHere.add(containerId);
        return containerId;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
