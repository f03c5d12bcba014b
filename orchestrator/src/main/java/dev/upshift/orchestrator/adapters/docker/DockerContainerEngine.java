package dev.upshift.orchestrator.adapters.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.EngineUnreachable;
import dev.upshift.orchestrator.ports.ImageInfo;
import dev.upshift.orchestrator.ports.OneOffRun;

/**
 * The Docker engine through docker-java; compose's own labels tell which container belongs to what. One client,
 * shared by a class per concern: containers, images, volumes, networks, exec, health.
 */
public class DockerContainerEngine implements ContainerEngine {

    private final DockerClient docker;
    private final String host;
    private final DockerContainers containers;
    private final DockerImages images;
    private final DockerVolumes volumes;
    private final DockerNetworks networks;
    private final DockerExec exec;
    private final DockerHealth health;

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
        this.containers = new DockerContainers(docker);
        this.images = new DockerImages(docker);
        this.volumes = new DockerVolumes(docker);
        this.networks = new DockerNetworks(docker);
        this.exec = new DockerExec(docker);
        this.health = new DockerHealth(containers, exec);
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
        return containers.composeContainers(composeFile);
    }

    @Override
    public List<ContainerInfo> serviceContainers(String project, String service) {
        return containers.serviceContainers(project, service);
    }

    @Override
    public Optional<ImageInfo> image(String reference) {
        return images.image(reference);
    }

    @Override
    public void pull(String reference) {
        images.pull(reference);
    }

    @Override
    public CommandResult runOnce(String image, List<String> command) {
        return images.runOnce(image, command);
    }

    @Override
    public CommandResult run(OneOffRun run) {
        return images.run(run);
    }

    @Override
    public CommandResult run(OneOffRun run, Consumer<String> outputLines) {
        return images.run(run, outputLines);
    }

    @Override
    public long dataRootFreeBytes() {
        return volumes.dataRootFreeBytes();
    }

    @Override
    public ContainerSpec spec(String containerId) {
        return containers.spec(containerId);
    }

    @Override
    public void stop(String containerId, Duration timeout) {
        containers.stop(containerId, timeout);
    }

    @Override
    public void start(String containerId) {
        containers.start(containerId);
    }

    @Override
    public void remove(String containerId) {
        containers.remove(containerId);
    }

    @Override
    public String create(ContainerSpec spec) {
        return containers.create(spec);
    }

    @Override
    public void createVolume(String name, Map<String, String> labels) {
        volumes.createVolume(name, labels);
    }

    @Override
    public void rename(String containerId, String name) {
        containers.rename(containerId, name);
    }

    @Override
    public String imageIdOf(String containerId) {
        return containers.inspect(containerId).getImageId();
    }

    @Override
    public List<String> containersOf(String reference) {
        return containers.createdFrom(reference);
    }

    @Override
    public void removeImage(String reference) {
        images.remove(reference);
    }

    @Override
    public void removeUnusedVolume(String name) {
        volumes.removeUnused(name);
    }

    @Override
    public void removeScratchVolume(String name) {
        volumes.removeScratchVolume(name);
    }

    @Override
    public List<String> volumesMadeBy(String upgradeId) {
        return volumes.volumesMadeBy(upgradeId);
    }

    @Override
    public void removeVolumeMadeBy(String upgradeId, String name) {
        volumes.removeVolumeMadeBy(upgradeId, name);
    }

    @Override
    public void createInternalNetwork(String name, Map<String, String> labels) {
        networks.createInternalNetwork(name, labels);
    }

    @Override
    public List<String> networksMadeBy(String upgradeId) {
        return networks.networksMadeBy(upgradeId);
    }

    @Override
    public void removeNetworkMadeBy(String upgradeId, String name) {
        networks.removeNetworkMadeBy(upgradeId, name);
    }

    @Override
    public boolean volumeExists(String name) {
        return volumes.volumeExists(name);
    }

    @Override
    public CommandResult exec(String containerId, List<String> command, Consumer<String> stderrLines) {
        return exec.exec(containerId, command, stderrLines);
    }

    @Override
    public CommandResult execToFile(String containerId, List<String> command, Path file, Consumer<String> stderrLines) {
        return exec.execToFile(containerId, command, file, stderrLines);
    }

    @Override
    public void copyInto(String containerId, Path file, String containerPath) {
        exec.copyInto(containerId, file, containerPath);
    }

    @Override
    public ContainerInfo awaitHealthy(String containerId, Duration timeout) {
        return health.awaitHealthy(containerId, timeout);
    }

    @Override
    public ContainerInfo state(String containerId) {
        return health.state(containerId);
    }

    @Override
    public boolean passesHealthCheck(String containerId) {
        return health.passesHealthCheck(containerId);
    }

    @Override
    public String logTail(String containerId, int lines) {
        return health.logTail(containerId, lines);
    }
}
