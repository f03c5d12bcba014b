package dev.upshift.orchestrator.adapters.docker;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.time.Poll;

/** Commands run in a running container, their output collected, streamed to a file or discarded; files copied in. */
final class DockerExec {

    private static final Duration EXIT_CODE_POLL = Duration.ofMillis(50);
    private static final Duration EXIT_CODE_WAIT = Duration.ofSeconds(10);
    private static final int STDERR_KEPT_BYTES = 64 * 1024;
    private static final int FILE_BUFFER_BYTES = 1 << 20;

    private final DockerClient docker;

    DockerExec(DockerClient docker) {
        this.docker = docker;
    }

    CommandResult exec(String containerId, List<String> command, Consumer<String> stderrLines) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = run(containerId, command, stdout, stderr, stderrLines);
        return new CommandResult(exitCode, stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8));
    }

    /**
     * Streams stdout into a file created 0600 before the first byte, buffered and forced to disk before returning;
     * only the last 64 KiB of stderr are kept. An existing file is never overwritten.
     */
    CommandResult execToFile(String containerId, List<String> command, Path file, Consumer<String> stderrLines) {
        TailBuffer stderr = new TailBuffer(STDERR_KEPT_BYTES);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException notCreated) {
            throw new UncheckedIOException("cannot create " + file, notCreated);
        }
        try (FileOutputStream out = new FileOutputStream(file.toFile());
             BufferedOutputStream stdout = new BufferedOutputStream(out, FILE_BUFFER_BYTES)) {
            int exitCode = run(containerId, command, stdout, stderr, stderrLines);
            stdout.flush();
            out.getChannel().force(true);
            return new CommandResult(exitCode, "", stderr.toString());
        } catch (IOException | RuntimeException failed) {
            // no exit code, no file: a partial file must not pass for a complete one
            deleteQuietly(file, failed);
            if (failed instanceof IOException notWritten) {
                throw new UncheckedIOException("cannot write the output of " + command + " to " + file, notWritten);
            }
            throw (RuntimeException) failed;
        }
    }

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException notDeleted) {
            cause.addSuppressed(notDeleted);
        }
    }

    /**
     * Runs the command, its output into the two streams and each stderr line to the listener; returns its exit code.
     *
     * @throws IllegalStateException when the container is gone or not running
     */
    int run(String containerId, List<String> command, OutputStream stdout, OutputStream stderr,
            Consumer<String> stderrLines) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command to run in " + containerId);
        }
        String execId;
        try {
            execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
        } catch (NotFoundException gone) {
            throw new IllegalStateException("no container " + containerId, gone);
        } catch (ConflictException notRunning) {
            throw notRunning(containerId, notRunning);
        }
        LineTee stderrTee = new LineTee(stderr, stderrLines);
        try {
            docker.execStartCmd(execId).exec(new ExecOutput(stdout, stderrTee)).awaitCompletion();
            stderrTee.finish();
        } catch (ConflictException stoppedMeanwhile) {
            // the container can exit (and, with a restart policy, be restarting) between create and start
            throw notRunning(containerId, stoppedMeanwhile);
        } catch (InterruptedException interrupted) {
            throw Interrupted.whileDoing("running " + command.get(0) + " in " + containerId, interrupted);
        }
        return exitCode(execId);
    }

    private static IllegalStateException notRunning(String containerId, ConflictException conflict) {
        return new IllegalStateException("container " + containerId + " is not running", conflict);
    }

    /** The stream can end a moment before the engine records the exit code. */
    private int exitCode(String execId) {
        InspectExecResponse exec = Poll.every(EXIT_CODE_POLL, EXIT_CODE_WAIT).until(
                () -> docker.inspectExecCmd(execId).exec(),
                seen -> !Boolean.TRUE.equals(seen.isRunning()) && seen.getExitCodeLong() != null,
                seen -> new IllegalStateException("exec " + execId + " ended its output but reports no exit code"),
                interrupted -> Interrupted.whileDoing("waiting", interrupted));
        return exec.getExitCodeLong().intValue();
    }

    /** Writes the file as {@code root}, mode 0644, so that any user of the container (postgres: 999) can read it. */
    void copyInto(String containerId, Path file, String containerPath) {
        Path target = Path.of(containerPath);
        if (!target.isAbsolute() || target.getFileName() == null) {
            throw new IllegalArgumentException("not an absolute file path: " + containerPath);
        }
        String directory = target.getParent().toString();
        try (InputStream tar = SingleFileTar.of(file, target.getFileName().toString(), 0644)) {
            docker.copyArchiveToContainerCmd(containerId).withRemotePath(directory).withTarInputStream(tar).exec();
        } catch (NotFoundException missing) {
            throw new IllegalStateException("cannot copy into " + containerId + ":" + directory + ": "
                    + missing.getMessage(), missing);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + file, unreadable);
        }
    }
}
