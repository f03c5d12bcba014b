package dev.upshift.orchestrator.ports;

import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param health "healthy", "unhealthy", "starting", or "none" when the container has no health check
 * @param addresses the container's IP address on each network it is attached to
 */
public record ContainerInfo(
        String id,
        String name,
        String project,
        String service,
        String image,
        String state,
        String health,
        Map<String, String> addresses) {

    public ContainerInfo {
        addresses = Map.copyOf(addresses);
    }

    public boolean running() {
        return "running".equals(state);
    }
}
