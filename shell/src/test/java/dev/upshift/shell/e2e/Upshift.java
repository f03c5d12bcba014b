package dev.upshift.shell.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

    Upshift(Path home) {
        this(home, "jdbc:h2:file:" + home.resolve("store") + ";AUTO_SERVER=TRUE");
    }

    Upshift(Path home, String store) {
        this.home = home;
        this.store = store;
    }

    Result run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("java", "-Daxoniq.update-checker.disabled=true",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "--store", store));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile(home, "out", ".txt");
            Path errors = Files.createTempFile(home, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            builder.environment().put("UPSHIFT_HOME", home.toString());
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("upshift " + String.join(" ", arguments) + " did not end in 10 minutes");
            }
            return new Result(process.exitValue(), Files.readString(output), Files.readString(errors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many events the store holds: bad input must not add any. */
    long storedEvents() {
        try (Connection connection = store.startsWith("jdbc:h2:")
                ? DriverManager.getConnection(store, "sa", "")
                : DriverManager.getConnection(store);
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events in " + home, e);
        }
    }

    Path home() {
        return home;
    }

    record Result(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
