package dev.upshift.orchestrator.adapters.docker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HealthCheck;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.time.Poll;

/** A container's state and health: waited for, read now, checked by its own health-check command, explained. */
final class DockerHealth {

    private static final Duration HEALTH_POLL = Duration.ofMillis(250);
    private static final Set<String> ENDED_STATES = Set.of("exited", "dead");

    private final DockerContainers containers;
    private final DockerExec exec;

    DockerHealth(DockerContainers containers, DockerExec exec) {
        this.containers = containers;
        this.exec = exec;
    }

    /** A container whose restart count grows while we wait has exited and been restarted: that ends the wait too. */
    ContainerInfo awaitHealthy(String containerId, Duration timeout) {
        Ended ended = new Ended();
        InspectContainerResponse container = Poll.every(HEALTH_POLL, timeout).lastSeen(
                () -> containers.inspect(containerId), seen -> ended.test(seen) || ready(seen),
                interrupted -> Interrupted.whileDoing("waiting", interrupted));
        return DockerContainers.describe(container);
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

    ContainerInfo state(String containerId) {
        return DockerContainers.describe(containers.inspect(containerId));
    }

    boolean passesHealthCheck(String containerId) {
        InspectContainerResponse container = containers.inspect(containerId);
        HealthCheck check = container.getConfig().getHealthcheck();
        List<String> test = check == null || check.getTest() == null ? List.of() : check.getTest();
        if (!DockerContainers.isRunning(container)) {
            return false;
        }
        if (test.isEmpty() || "NONE".equals(test.get(0))) {
            return true;
        }
        List<String> command = "CMD-SHELL".equals(test.get(0))
                ? List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())))
                : test.subList(1, test.size());
        try {
            return exec.run(containerId, command, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                    line -> { }) == 0;
        } catch (IllegalStateException stoppedMeanwhile) {
            return false;
        }
    }

    String logTail(String containerId, int lines) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        containers.inspect(containerId);
        containers.logs(containerId, lines, new ExecOutput(output, output));
        return output.toString(StandardCharsets.UTF_8);
    }
}
