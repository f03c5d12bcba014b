package dev.upshift.orchestrator.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line (docker, docker compose) to completion or timeout, with its stdout and stderr captured apart. */
public record ExternalCommand(List<String> arguments, Duration timeout) {

    public ExternalCommand {
        arguments = List.copyOf(arguments);
    }

    public static ExternalCommand of(Duration timeout, String... arguments) {
        return new ExternalCommand(List.of(arguments), timeout);
    }

    /** @param exitCode -1 when the command was killed at its timeout */
    public record Result(ExternalCommand command, int exitCode, String stdout, String stderr) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The whole story of a failed command, for an exception message a test report shows. */
        public String describe() {
            return String.join(" ", command.arguments())
                    + (exitCode < 0 ? " did not finish within " + command.timeout().toSeconds() + " s" : " exited " + exitCode)
                    + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }

        /** @throws IllegalStateException with the full output when the command failed */
        public String stdoutOrThrow() {
            if (!succeeded()) {
                throw new IllegalStateException(describe());
            }
            return stdout;
        }
    }

    /** Output goes to files, not pipes: a chatty command can never block on a full pipe buffer. */
    public Result run() {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("upshift-cmd-", ".out");
            stderr = Files.createTempFile("upshift-cmd-", ".err");
            Process process = new ProcessBuilder(arguments)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            int exitCode;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = process.exitValue();
            } else {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                exitCode = -1;
            }
            return new Result(this, exitCode, Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", arguments), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", arguments), e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover file in the temp directory is not worth failing a test for
            }
        }
    }
}
