package dev.upshift.shell.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.store.StoreUrl;
import dev.upshift.orchestrator.testbed.SampleStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real command line — the packaged jar in a process of its own, as an operator would — against a
 * store of its own, and reads that store afterwards to see what was appended.
 */
final class Upshift {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STORE_PASSWORD = "UPSHIFT_STORE_PASSWORD";
    private static final Path JAR = SampleStack.repositoryRoot().resolve("shell/target/upshift.jar");

    private final Path home;
    private final String store;
    private final boolean storeInEnvironment;
    private final Map<String, String> environment;

    Upshift(Path home) {
        this(home, "jdbc:h2:file:" + home.resolve("store") + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0");
    }

    Upshift(Path home, String store) {
        this(home, store, false);
    }

    private Upshift(Path home, String store, boolean storeInEnvironment) {
        this(home, store, storeInEnvironment, Map.of());
    }

    private Upshift(Path home, String store, boolean storeInEnvironment, Map<String, String> environment) {
        this.home = home;
        this.store = store;
        this.storeInEnvironment = storeInEnvironment;
        this.environment = environment;
    }

    /** The same Upshift, told its store by the environment (UPSHIFT_STORE) instead of --store. */
    Upshift withStoreInEnvironment() {
        return new Upshift(home, store, true, environment);
    }

    /** The same Upshift with a setting in its environment, as an operator's {@code export NAME=VALUE}. */
    Upshift withEnvironment(String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return new Upshift(home, store, storeInEnvironment, Map.copyOf(more));
    }

    /** An Upshift on this home with the stack's database planned for an upgrade to the target, under this id. */
    static Upshift planned(Path home, SampleStack stack, String target, String upgradeId, String... options) {
        Upshift upshift = new Upshift(home);
        List<String> arguments = new ArrayList<>(List.of("plan", "--compose", stack.composeFile().toString(), "--to",
                target, "--id", upgradeId));
        arguments.addAll(List.of(options));
        Result plan = upshift.run(arguments.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        return upshift;
    }

    Result run(String... arguments) {
        Running running = start(arguments);
        try {
            if (!running.process().waitFor(10, TimeUnit.MINUTES)) {
                running.process().destroyForcibly();
                throw new IllegalStateException("upshift " + String.join(" ", arguments) + " did not end in 10 minutes");
            }
            return running.result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a command and returns at once, so that a test can kill it (SIGKILL) at a chosen moment. */
    Running start(String... arguments) {
        try {
            Path output = Files.createTempFile(home, "out", ".txt");
            Path errors = Files.createTempFile(home, "err", ".txt");
            return new Running(command(arguments).redirectOutput(output.toFile()).redirectError(errors.toFile()).start(),
                    output, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code upshift --store URL} and no command: the interactive shell, in a terminal of its own. */
    ShellSession interactive() {
        return ShellSession.start(commandLine(), home);
    }

    private List<String> commandLine(String... arguments) {
        List<String> command = new ArrayList<>(List.of("java", "-Daxoniq.update-checker.disabled=true",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        if (!storeInEnvironment) {
            command.addAll(List.of("--store", store));
        }
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Runs a command with its stdout read through a pipe, as `upshift run | tee` would, each line stamped with the
     * moment it arrived; stderr goes to a file.
     */
    Piped runThroughPipe(String... arguments) throws IOException, InterruptedException {
        Process process = command(arguments).redirectError(Files.createTempFile(home, "err", ".txt").toFile()).start();
        List<ArrivedLine> lines = new ArrayList<>();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                lines.add(new ArrivedLine(Instant.now(), line));
            }
        }
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("upshift " + String.join(" ", arguments) + " closed its output but did not end");
        }
        return new Piped(process.exitValue(), lines);
    }

    private ProcessBuilder command(String... arguments) {
        ProcessBuilder builder = new ProcessBuilder(commandLine(arguments));
        builder.environment().put("UPSHIFT_HOME", home.toString());
        builder.environment().putAll(environment);
        if (storeInEnvironment) {
            builder.environment().put("UPSHIFT_STORE", store);
        }
        return builder;
    }

    /**
     * Waits until the world shows a step got so far. A test reads the world, not the store, while a process
     * runs: a connection of the test's own would make this JVM the H2 file's server.
     */
    static void awaitWorld(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** A look at a world in flux may find a container gone between two commands: that is a no, not an error. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException inFlux) {
            return false;
        }
    }

    /** How many deadlines wait in the store's scheduled_tasks (a maintenance window's opening). */
    long scheduledDeadlines() {
        try (Connection connection = connect();
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM scheduled_tasks")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the deadlines in " + home, e);
        }
    }

    /** How many events the store holds: bad input must not add any. */
    long storedEvents() {
        try (Connection connection = connect();
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events in " + home, e);
        }
    }

    /** The events of one type in the store, in the order they were appended: their time and their JSON payload. */
    List<StoredEvent> events(String type) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT timeStamp, payload FROM domainevententry "
                     + "WHERE payloadType = ? ORDER BY globalIndex")) {
            query.setString(1, "dev.upshift.orchestrator.api.events." + type);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(Instant.parse(rows.getString(1)),
                            JSON.readTree(rows.getBytes(2))));
                }
            }
            return events;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the " + type + " events in " + home, e);
        }
    }

    /** The simple type names of an upgrade's stored events, by sequence number. */
    List<String> eventTypes(String upgradeId) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT payloadType FROM domainevententry "
                     + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            query.setString(1, upgradeId);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1).substring(rows.getString(1).lastIndexOf('.') + 1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of " + upgradeId + " in " + home, e);
        }
    }

    record StoredEvent(Instant time, JsonNode payload) {
    }

    /** "side-a 3.5" → how many times that step of that upgrade started, from the store. */
    Map<String, Long> stepsStarted() {
        return events("StepStarted").stream()
                .map(event -> event.payload().get("upgradeId").asText() + " "
                        + event.payload().get("step").get("number").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Everything the store holds — events, metadata, tokens, sagas, read models — as text, to search for leaks. */
    String storeText() {
        StringBuilder text = new StringBuilder();
        try (Connection connection = connect();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(tables.getString("TABLE_SCHEM"))) {
                    names.add(tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            Object value = rows.getObject(column);
                            if (value instanceof Blob blob) {
                                value = blob.getBytes(1, (int) blob.length());
                            }
                            text.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                    : String.valueOf(value)).append('\n');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store in " + home, e);
        }
        return text.toString();
    }

    /** Changes the store behind Upshift's back, as anyone with write access to it could. */
    int alterStore(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot alter the store in " + home, e);
        }
    }

    private Connection connect() throws SQLException {
        String url = StoreUrl.toOpen(store);
        if (url.startsWith("jdbc:h2:")) {
            return DriverManager.getConnection(url, "", "");
        }
        Properties credentials = new Properties();
        if (environment.containsKey(STORE_PASSWORD)) {
            credentials.setProperty("password", environment.get(STORE_PASSWORD));
        }
        return DriverManager.getConnection(url, credentials);
    }

    Path home() {
        return home;
    }

    /** A command under way; its output is read once it has ended. */
    record Running(Process process, Path output, Path errors) {

        Result result() {
            try {
                return new Result(process.exitValue(), Files.readString(output), Files.readString(errors));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** A line of output and the moment the test read it. */
    record ArrivedLine(Instant arrived, String text) {
    }

    record Piped(int exitCode, List<ArrivedLine> lines) {

        /** The first line that starts with this text after its time stamp ("HH:mm:ss "). */
        ArrivedLine line(String afterStamp) {
            return lines.stream().filter(line -> line.text().length() > 9 && line.text().startsWith(afterStamp, 9))
                    .findFirst().orElseThrow(() -> new AssertionError("no line '" + afterStamp + "' in\n" + this));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + String.join("\n", lines.stream().map(ArrivedLine::text).toList());
        }
    }

    record Result(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
