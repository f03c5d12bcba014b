package dev.upshift.shell.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.upshift.orchestrator.testbed.SampleStack;

/**
 * Runs the real command line — the packaged jar in a process of its own, as an operator would — against a
 * store of its own, and reads that store afterwards to see what was appended.
 */
final class Upshift {

    private static final Path JAR = SampleStack.repositoryRoot().resolve("shell/target/upshift.jar");

    private final Path home;
    private final String store;
    private String lastReadFailure = "none";

    Upshift(Path home) {
        this(home, "jdbc:h2:file:" + home.resolve("store") + ";AUTO_SERVER=TRUE");
    }

    Upshift(Path home, String store) {
        this.home = home;
        this.store = store;
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
        List<String> command = new ArrayList<>(List.of("java", "-Daxoniq.update-checker.disabled=true",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "--store", store));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile(home, "out", ".txt");
            Path errors = Files.createTempFile(home, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            builder.environment().put("UPSHIFT_HOME", home.toString());
            return new Running(builder.start(), output, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a step of the execution log has the status, as the store's read model says. */
    void awaitStep(String upgradeId, String step, String status) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!status.equals(stepStatus(upgradeId, step))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("step " + step + " of " + upgradeId + " never reached " + status
                        + " (last read: " + lastReadFailure + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String stepStatus(String upgradeId, String step) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status FROM execution_log WHERE upgrade_id = ? AND step_number = ?")) {
            query.setString(1, upgradeId);
            query.setString(2, step);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            lastReadFailure = e.getMessage(); // the process under test may not have created the tables yet
            return null;
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

    private Connection connect() throws SQLException {
        return store.startsWith("jdbc:h2:") ? DriverManager.getConnection(store, "", "") : DriverManager.getConnection(store);
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

    record Result(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
