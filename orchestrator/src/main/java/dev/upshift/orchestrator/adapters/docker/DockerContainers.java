package dev.upshift.orchestrator.adapters.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.ports.ContainerInfo;

/** Containers found by compose's own labels, read, stopped, started, removed and created; their output read. */
final class DockerContainers {

    private static final String PROJECT_LABEL = "com.docker.compose.project";
    private static final String SERVICE_LABEL = "com.docker.compose.service";
    private static final String CONFIG_FILES_LABEL = "com.docker.compose.project.config_files";

    private final DockerClient docker;

    DockerContainers(DockerClient docker) {
        this.docker = docker;
    }

    List<ContainerInfo> composeContainers(Path composeFile) {
        String path = composeFile.toAbsolutePath().normalize().toString();
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(CONFIG_FILES_LABEL)).exec().stream()
                .filter(container -> Arrays.asList(container.getLabels().get(CONFIG_FILES_LABEL).split(",")).contains(path))
                .map(this::describe)
                .toList();
    }

    List<ContainerInfo> serviceContainers(String project, String service) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(PROJECT_LABEL, project, SERVICE_LABEL, service))
                .exec().stream()
                .map(this::describe)
                .toList();
    }

    private ContainerInfo describe(Container container) {
        return describe(docker.inspectContainerCmd(container.getId()).exec());
    }

    static ContainerInfo describe(InspectContainerResponse inspected) {
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

    ContainerSpec spec(String containerId) {
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

    void stop(String containerId, Duration timeout) {
        if (!isRunning(inspect(containerId))) {
            return;
        }
        try {
            docker.stopContainerCmd(containerId).withTimeout((int) Math.max(0, (timeout.toMillis() + 999) / 1000)).exec();
        } catch (NotModifiedException alreadyStopped) {
            // stopped between the look and the act
        }
    }

    void start(String containerId) {
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
    void remove(String containerId) {
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

    void rename(String containerId, String name) {
        if (!inspect(containerId).getName().equals("/" + name)) {
            docker.renameContainerCmd(containerId).withName(name).exec();
        }
    }

    List<String> createdFrom(String reference) {
        return docker.listContainersCmd().withShowAll(true).exec().stream()
                .filter(container -> reference.equals(container.getImage()))
                .map(container -> container.getNames()[0].replaceFirst("^/", ""))
                .toList();
    }

    /**
     * Creates (not starts) the container on the first network of the spec with its aliases, then connects it to
     * the others.
     *
     * @throws IllegalArgumentException when an environment value is null; the message names the variable only
     * @throws IllegalStateException when a container of that name exists, or the image or a network does not
     */
    String create(ContainerSpec spec) {
        return new ContainerCreator(docker).create(spec);
    }

    InspectContainerResponse inspect(String containerId) {
        try {
            return docker.inspectContainerCmd(containerId).exec();
        } catch (NotFoundException gone) {
            throw new IllegalStateException("no container " + containerId, gone);
        }
    }

    static boolean isRunning(InspectContainerResponse container) {
        InspectContainerResponse.ContainerState state = container.getState();
        return Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getRestarting())
                || Boolean.TRUE.equals(state.getPaused());
    }

    /** The last {@code tail} lines the container printed. */
    void logs(String containerId, int tail, ExecOutput output) {
        var command = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(false)
                .withTail(tail);
        try {
            command.exec(output).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            throw Interrupted.whileDoing("reading the output of " + containerId, interrupted);
        }
    }
}
