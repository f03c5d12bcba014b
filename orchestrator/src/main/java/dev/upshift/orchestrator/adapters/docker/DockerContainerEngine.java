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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HealthCheck;
import dev.upshift.orchestrator.api.ContainerSpec;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.EngineUnreachable;
import dev.upshift.orchestrator.ports.ImageInfo;
import dev.upshift.orchestrator.time.Poll;

/** The Docker engine through docker-java; compose's own labels tell which container belongs to what. */
public class DockerContainerEngine implements ContainerEngine {

    static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";
    static final String CONFIG_FILES_LABEL = "com.docker.compose.project.config_files";
    private static final Duration RUN_ONCE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration HEALTH_POLL = Duration.ofMillis(250);
    private static final Duration EXIT_CODE_POLL = Duration.ofMillis(50);
    private static final Duration EXIT_CODE_WAIT = Duration.ofSeconds(10);
    private static final int STDERR_KEPT_BYTES = 64 * 1024;
    private static final int FILE_BUFFER_BYTES = 1 << 20;
    private static final Set<String> ENDED_STATES = Set.of("exited", "dead");

    private final DockerClient docker;
    private final String host;

    public DockerContainerEngine(String dockerHost) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (dockerHost != null && !dockerHost.isBlank()) {
            config.withDockerHost(dockerHost);
        }
        DockerClientConfig resolved = config.build();
        this.host = resolved.getDockerHost().toString();
        this.docker = DockerClientImpl.getInstance(resolved, new ApacheDockerHttpClient.Builder()
                .dockerHost(resolved.getDockerHost())
                .sslConfig(resolved.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
    }

    public String host() {
        return host;
    }

    @Override
    public void ping() {
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException unreachable) {
            throw new EngineUnreachable(host, unreachable);
        }
    }

    @Override
    public List<ContainerInfo> composeContainers(Path composeFile) {
        String path = composeFile.toAbsolutePath().normalize().toString();
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(CONFIG_FILES_LABEL)).exec().stream()
                .filter(container -> Arrays.asList(container.getLabels().get(CONFIG_FILES_LABEL).split(",")).contains(path))
                .map(this::describe)
                .toList();
    }

    @Override
    public List<ContainerInfo> serviceContainers(String project, String service) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(PROJECT_LABEL, project, SERVICE_LABEL, service))
                .exec().stream()
                .map(this::describe)
                .toList();
    }

    private ContainerInfo describe(Container container) {
        return describe(docker.inspectContainerCmd(container.getId()).exec());
    }

    private static ContainerInfo describe(InspectContainerResponse inspected) {
        Map<String, String> labels = inspected.getConfig().getLabels() == null ? Map.of() : inspected.getConfig().getLabels();
        Map<String, String> addresses = new LinkedHashMap<>();
        inspected.getNetworkSettings().getNetworks().forEach((network, settings) -> {
            if (settings.getIpAddress() != null && !settings.getIpAddress().isEmpty()) {
                addresses.put(network, settings.getIpAddress());
            }
        });
        HealthState health = inspected.getState().getHealth();
        return new ContainerInfo(
                inspected.getId(),
                inspected.getName().replaceFirst("^/", ""),
                labels.get(PROJECT_LABEL),
                labels.get(SERVICE_LABEL),
                inspected.getConfig().getImage(),
                inspected.getState().getStatus(),
                health == null ? "none" : health.getStatus(),
                addresses);
    }

    @Override
    public Optional<ImageInfo> image(String reference) {
        try {
            InspectImageResponse image = docker.inspectImageCmd(reference).exec();
            List<String> digests = image.getRepoDigests() == null ? List.of() : image.getRepoDigests();
            return Optional.of(new ImageInfo(image.getId(), digests, image.getSize() == null ? 0 : image.getSize()));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** A reference without a tag means ":latest" (the engine would pull every tag of the repository otherwise). */
    @Override
    public void pull(String reference) {
        int digest = reference.indexOf('@');
        int colon = reference.lastIndexOf(':');
        boolean tagged = digest < 0 && colon > reference.lastIndexOf('/');
        String repository = digest >= 0 ? reference : tagged ? reference.substring(0, colon) : reference;
        var pull = docker.pullImageCmd(repository);
        if (digest < 0) {
            pull.withTag(tagged ? reference.substring(colon + 1) : "latest");
        }
        try {
            pull.exec(new PullImageResultCallback()).awaitCompletion();
        } catch (DockerException | DockerClientException refused) {
            throw new IllegalStateException("cannot pull " + reference + ": " + refused.getMessage(), refused);
        } catch (InterruptedException interrupted) {
            throw interrupted(interrupted, "pulling " + reference);
        }
    }

    @Override
    public CommandResult runOnce(String image, List<String> command) {
        String id = docker.createContainerCmd(image)
                .withEntrypoint(command)
                .withCmd(List.of())
                .withLabels(Map.of("dev.upshift.purpose", "throwaway"))
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            int exitCode = docker.waitContainerCmd(id).start()
                    .awaitStatusCode(RUN_ONCE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            logs(id, null, new ExecOutput(stdout, stderr));
            return new CommandResult(exitCode, utf8(stdout), utf8(stderr));
        } finally {
            // the only volumes of this container are the anonymous ones its image's VOLUME lines made for it
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    private void logs(String containerId, Integer tail, ExecOutput output) {
        var command = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(false);
        if (tail != null) {
            command.withTail(tail);
        }
        try {
            command.exec(output).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            throw interrupted(interrupted, "reading the output of " + containerId);
        }
    }

    @Override
    public long dataRootFreeBytes() {
        Path dataRoot = Path.of(docker.infoCmd().exec().getDockerRootDir());
        try {
            return Files.getFileStore(dataRoot).getUsableSpace();
        } catch (IOException notLocal) {
            throw new IllegalStateException("cannot read free space at the engine's data root " + dataRoot
                    + " (Upshift reads it from the local filesystem)", notLocal);
        }
    }

    @Override
    public ContainerSpec spec(String containerId) {
        InspectContainerResponse container = inspect(containerId);
        InspectImageResponse image;
        try {
            // by id, not by reference: the tag may point at another image since the container was created
            image = docker.inspectImageCmd(container.getImageId()).exec();
        } catch (NotFoundException imageGone) {
            throw new IllegalStateException("the image of container " + containerId + " (" + container.getImageId()
                    + ") is gone: its defaults cannot be told apart from the container's own settings", imageGone);
        }
        return ContainerSpecReader.read(container, image);
    }

    @Override
    public void stop(String containerId, Duration timeout) {
        if (!isRunning(inspect(containerId))) {
            return;
        }
        try {
            docker.stopContainerCmd(containerId).withTimeout((int) Math.max(0, (timeout.toMillis() + 999) / 1000)).exec();
        } catch (NotModifiedException alreadyStopped) {
            // stopped between the look and the act
        }
    }

    @Override
    public void start(String containerId) {
        if (isRunning(inspect(containerId))) {
            return;
        }
        try {
            docker.startContainerCmd(containerId).exec();
        } catch (NotModifiedException alreadyRunning) {
            // started between the look and the act
        }
    }

    /**
     * Removes a stopped container, never its volumes (anonymous ones included); does nothing if it is gone.
     *
     * @throws IllegalStateException when the container runs (or restarts, or is paused): stopping is the caller's
     *         decision, so a running database is never removed by accident
     */
    @Override
    public void remove(String containerId) {
        InspectContainerResponse container;
        try {
            container = docker.inspectContainerCmd(containerId).exec();
        } catch (NotFoundException gone) {
            return;
        }
        if (isRunning(container)) {
            throw new IllegalStateException("container " + containerId + " is " + container.getState().getStatus()
                    + ": stop it before removing it");
        }
        try {
            docker.removeContainerCmd(containerId).withRemoveVolumes(false).withForce(false).exec();
        } catch (NotFoundException gone) {
            // removed between the look and the act
        }
    }

    /**
     * Creates (not starts) the container on the first network of the spec with its aliases, then connects it to
     * the others.
     *
     * @throws IllegalArgumentException when an environment value is null; the message names the variable only
     * @throws IllegalStateException when a container of that name exists, or the image or a network does not
     */
    @Override
    public String create(ContainerSpec spec) {
        return new ContainerCreator(docker).create(spec);
    }

    @Override
    public void createVolume(String name, Map<String, String> labels) {
        if (volumeExists(name)) {
            return;
        }
        docker.createVolumeCmd().withName(name).withLabels(labels == null ? Map.of() : labels).exec();
    }

    @Override
    public boolean volumeExists(String name) {
        try {
            docker.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    @Override
    public CommandResult exec(String containerId, List<String> command, Consumer<String> stderrLines) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = execInto(containerId, command, stdout, stderr, stderrLines);
        return new CommandResult(exitCode, utf8(stdout), utf8(stderr));
    }

    /**
     * Streams stdout into a file created 0600 before the first byte, buffered and forced to disk before returning;
     * only the last 64 KiB of stderr are kept. An existing file is never overwritten.
     */
    @Override
    public CommandResult execToFile(String containerId, List<String> command, Path file, Consumer<String> stderrLines) {
        TailBuffer stderr = new TailBuffer(STDERR_KEPT_BYTES);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException notCreated) {
            throw new UncheckedIOException("cannot create " + file, notCreated);
        }
        try (FileOutputStream out = new FileOutputStream(file.toFile());
             BufferedOutputStream stdout = new BufferedOutputStream(out, FILE_BUFFER_BYTES)) {
            int exitCode = execInto(containerId, command, stdout, stderr, stderrLines);
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

    private int execInto(String containerId, List<String> command, OutputStream stdout, OutputStream stderr,
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
            throw interrupted(interrupted, "running " + command.get(0) + " in " + containerId);
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
                interrupted -> interrupted(interrupted, "waiting"));
        return exec.getExitCodeLong().intValue();
    }

    /** Writes the file as {@code root}, mode 0644, so that any user of the container (postgres: 999) can read it. */
    @Override
    public void copyInto(String containerId, Path file, String containerPath) {
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

    /** A container whose restart count grows while we wait has exited and been restarted: that ends the wait too. */
    @Override
    public ContainerInfo awaitHealthy(String containerId, Duration timeout) {
        Ended ended = new Ended();
        return describe(Poll.every(HEALTH_POLL, timeout).lastSeen(() -> inspect(containerId),
                container -> ended.test(container) || ready(container),
                interrupted -> interrupted(interrupted, "waiting")));
    }

    private static boolean ready(InspectContainerResponse container) {
        InspectContainerResponse.ContainerState state = container.getState();
        HealthState health = state.getHealth();
        return Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getRestarting())
                && (health == null || "healthy".equals(health.getStatus()));
    }

    /** Exited, or restarted since the first look: the restart count it had then is kept between looks. */
    private static final class Ended implements Predicate<InspectContainerResponse> {

        private Integer restartsBefore;

        @Override
        public boolean test(InspectContainerResponse container) {
            Integer restarts = container.getRestartCount();
            restartsBefore = restartsBefore == null ? restarts : restartsBefore;
            return ENDED_STATES.contains(container.getState().getStatus())
                    || restarts != null && restartsBefore != null && restarts > restartsBefore;
        }
    }

    @Override
    public ContainerInfo state(String containerId) {
        return describe(inspect(containerId));
    }

    @Override
    public boolean passesHealthCheck(String containerId) {
        InspectContainerResponse container = inspect(containerId);
        HealthCheck check = container.getConfig().getHealthcheck();
        List<String> test = check == null || check.getTest() == null ? List.of() : check.getTest();
        if (!isRunning(container)) {
            return false;
        }
        if (test.isEmpty() || "NONE".equals(test.get(0))) {
            return true;
        }
        List<String> command = "CMD-SHELL".equals(test.get(0))
                ? List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())))
                : test.subList(1, test.size());
        try {
            return execInto(containerId, command, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                    line -> { }) == 0;
        } catch (IllegalStateException stoppedMeanwhile) {
            return false;
        }
    }

    @Override
    public String logTail(String containerId, int lines) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        inspect(containerId);
        logs(containerId, lines, new ExecOutput(output, output));
        return utf8(output);
    }

    private InspectContainerResponse inspect(String containerId) {
        try {
            return docker.inspectContainerCmd(containerId).exec();
        } catch (NotFoundException gone) {
            throw new IllegalStateException("no container " + containerId, gone);
        }
    }

    private static boolean isRunning(InspectContainerResponse container) {
        InspectContainerResponse.ContainerState state = container.getState();
        return Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getRestarting())
                || Boolean.TRUE.equals(state.getPaused());
    }

    private static String utf8(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static IllegalStateException interrupted(InterruptedException interrupted, String doing) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while " + doing, interrupted);
    }
}
