package dev.upshift.orchestrator.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The test bed's makapix stack (db, api, worker, web) running under a compose project of its own, from a private
 * copy of {@code testbed/stack/} that a test may edit freely. Closing it removes its containers, networks and volumes.
 *
 * <pre>{@code
 * try (SampleStack stack = SampleStack.start()) {
 *     String users = stack.psql("SELECT count(*) FROM users");
 * }
 * }</pre>
 */
public final class SampleStack implements AutoCloseable {

    public static final String DATABASE_SERVICE = "db";
    public static final String DATABASE = "makapix";
    public static final String SUPERUSER = "owner";
    public static final List<String> REQUIRED_IMAGES = List.of("upshift-testbed/postgres:15", "upshift-testbed/app:1");

    private static final Path STACK_IN_REPOSITORY = Path.of("testbed", "stack");
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration QUICK = Duration.ofSeconds(30);

    private final Path directory;
    private final String project;
    private final Thread removeOnExit;

    private SampleStack(Path directory, String project) {
        this.directory = directory;
        this.project = project;
        // a test JVM that ends without close() (a failed @BeforeAll) must not leave a stack running
        this.removeOnExit = new Thread(this::down, "remove-" + project);
    }

    /** Copies the stack, brings it up and waits until every service is healthy (at most 180 s). */
    public static SampleStack start() {
        return start(compose -> compose);
    }

    /**
     * The same, with the copy's compose.yml edited first: a test gives a service a setting that one server
     * version accepts and the next refuses, so that an upgrade meets a real incompatibility.
     */
    public static SampleStack start(UnaryOperator<String> composeEdit) {
        requireImages();
        Path directory = copyOfStack();
        edit(directory.resolve("compose.yml"), composeEdit);
        SampleStack stack = new SampleStack(directory,
                "upshift-test-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        Runtime.getRuntime().addShutdownHook(stack.removeOnExit);
        ExternalCommand.Result up = stack.compose(UP_TIMEOUT, "up", "-d", "--wait", "--pull", "never");
        if (!up.succeeded()) {
            String logs = stack.compose(QUICK, "logs", "--no-color", "--tail", "40").stdout();
            IllegalStateException failure = new IllegalStateException("the sample stack did not come up healthy: "
                    + up.describe() + "\n--- last log lines\n" + logs);
            try {
                stack.close();
            } catch (RuntimeException notRemoved) {
                failure.addSuppressed(notRemoved);
            }
            throw failure;
        }
        return stack;
    }

    /** The directory holding this stack's private copy: compose.yml, db.env, app.env, seed/. */
    public Path directory() {
        return directory;
    }

    public Path composeFile() {
        return directory.resolve("compose.yml");
    }

    /** The compose project name ({@code -p}), unique to this stack. */
    public String project() {
        return project;
    }

    /** The service container's address on its compose network, reachable from the machine running the engine. */
    public String containerIp(String service) {
        String ip = ExternalCommand.of(QUICK, "docker", "inspect", "-f",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", containerId(service)).run().stdoutOrThrow().strip();
        if (ip.isEmpty()) {
            throw new IllegalStateException("service " + service + " of " + project + " has no IP address (is it running?)");
        }
        return ip;
    }

    /**
     * The id of the service's container, running or not — not the old database container an upgrade sets aside
     * between 3.4 and 5.4 ({@code NAME-before-ID}, stopped), which still carries the service's labels.
     */
    public String containerId(String service) {
        String id = compose(QUICK, "ps", "--all", "--no-trunc", "--format", "{{.ID}} {{.Name}}", service).stdoutOrThrow().lines()
                .filter(line -> !line.contains("-before-")).map(line -> line.substring(0, line.indexOf(' ')))
                .collect(Collectors.joining("\n"));
        if (id.isEmpty() || id.contains("\n")) {
            throw new IllegalStateException("service " + service + " of " + project + " has no single container: '" + id + "'");
        }
        return id;
    }

    /** Runs a command in the service's container and returns its stdout; a non-zero exit throws with all output. */
    public String exec(String service, String... command) {
        List<String> arguments = new ArrayList<>(List.of("exec", "-T", service));
        arguments.addAll(Arrays.asList(command));
        return compose(EXEC_TIMEOUT, arguments.toArray(String[]::new)).stdoutOrThrow();
    }

    /** {@code psql -tAc SQL} as the superuser on the makapix database: unaligned rows, no header, trailing newline cut. */
    public String psql(String sql) {
        return exec(DATABASE_SERVICE, "psql", "-X", "-v", "ON_ERROR_STOP=1", "-U", SUPERUSER, "-d", DATABASE, "-tAc", sql)
                .stripTrailing();
    }

    /** A value from one of the stack's env files (db.env, app.env): their lines are plain KEY=VALUE. */
    public String envValue(String envFile, String key) {
        try {
            for (String line : Files.readAllLines(directory.resolve(envFile))) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(key + " is not in " + directory.resolve(envFile));
    }

    /** Removes the project's containers, networks and volumes, then the copy. Only this stack's project is touched. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the same work
        }
        down();
    }

    private void down() {
        removeReplicas();
        ExternalCommand.Result down = compose(DOWN_TIMEOUT, "down", "--volumes", "--remove-orphans", "--timeout", "10");
        removeProjectVolumes();
        deleteRecursively(directory);
        if (!down.succeeded()) {
            throw new IllegalStateException("could not remove the sample stack: " + down.describe());
        }
    }

    /** A logical upgrade interrupted for good leaves its replica, a container of a project of its own, on the volume. */
    private void removeReplicas() {
        removeListed(List.of("docker", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + project + "-upshift-replica"),
                List.of("docker", "rm", "-f"));
    }

    /**
     * `down --volumes` removes only the volumes the compose file declares now; an upgrade leaves the old one (or,
     * rolled back, the new one) undeclared. Both carry this test's project label: remove them too.
     */
    private void removeProjectVolumes() {
        removeListed(List.of("docker", "volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project),
                List.of("docker", "volume", "rm"));
    }

    /** Removes what the listing names, if anything. */
    private static void removeListed(List<String> listing, List<String> remove) {
        String names = new ExternalCommand(listing, QUICK).run().stdout().strip();
        if (!names.isEmpty()) {
            List<String> command = new ArrayList<>(remove);
            command.addAll(Arrays.asList(names.split("\\s+")));
            new ExternalCommand(command, QUICK).run();
        }
    }

    private ExternalCommand.Result compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "-p", project, "-f", composeFile().toString()));
        command.addAll(Arrays.asList(arguments));
        return new ExternalCommand(command, timeout).run();
    }

    private static void requireImages() {
        for (String image : REQUIRED_IMAGES) {
            if (!ExternalCommand.of(QUICK, "docker", "image", "inspect", image).run().succeeded()) {
                throw new IllegalStateException("image " + image + " is missing; build it with testbed/build-images.sh");
            }
        }
    }

    /** Walks up from the working directory (a module's or the repository's) to the one holding testbed/stack. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(STACK_IN_REPOSITORY).resolve("compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no testbed/stack/compose.yml above " + Path.of("").toAbsolutePath());
    }

    /** Permissions travel with the copy: the seed's shell script must stay executable, its directories listable. */
    private static void edit(Path file, UnaryOperator<String> edit) {
        try {
            Files.writeString(file, edit.apply(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfStack() {
        Path source = repositoryRoot().resolve(STACK_IN_REPOSITORY);
        try {
            Path target = Files.createTempDirectory("upshift-stack-");
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    Path copy = Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(dir));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
