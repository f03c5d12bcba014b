package dev.upshift.orchestrator.adapters.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.EngineUnreachable;
import dev.upshift.orchestrator.ports.ImageInfo;

/** The Docker engine through docker-java; compose's own labels tell which container belongs to what. */
public class DockerContainerEngine implements ContainerEngine {

    static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";
    static final String CONFIG_FILES_LABEL = "com.docker.compose.project.config_files";
    private static final Duration RUN_ONCE_TIMEOUT = Duration.ofMinutes(2);

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
        InspectContainerResponse inspected = docker.inspectContainerCmd(container.getId()).exec();
        Map<String, String> addresses = new LinkedHashMap<>();
        inspected.getNetworkSettings().getNetworks().forEach((network, settings) -> {
            if (settings.getIpAddress() != null && !settings.getIpAddress().isEmpty()) {
                addresses.put(network, settings.getIpAddress());
            }
        });
        HealthState health = inspected.getState().getHealth();
        return new ContainerInfo(
                container.getId(),
                inspected.getName().replaceFirst("^/", ""),
                container.getLabels().get(PROJECT_LABEL),
                container.getLabels().get(SERVICE_LABEL),
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
            Output output = logs(id);
            return new CommandResult(exitCode, output.stdout.toString(), output.stderr.toString());
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    private Output logs(String containerId) {
        Output output = new Output();
        try {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(false)
                    .exec(output).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the output of " + containerId, interrupted);
        }
        return output;
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

    /** Collects a container's output, stdout and stderr apart. */
    private static final class Output extends ResultCallback.Adapter<Frame> {

        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();

        @Override
        public void onNext(Frame frame) {
            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).append(new String(frame.getPayload()));
        }
    }
}
