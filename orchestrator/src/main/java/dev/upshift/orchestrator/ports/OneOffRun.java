package dev.upshift.orchestrator.ports;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A throwaway container that does one job and is removed: its image, its command (the image's entrypoint
 * bypassed), its environment, the named volumes it mounts (volume → path), and how long it may take.
 *
 * @param name a name a redone step finds a leftover by (it is removed first), or null for one Docker makes up
 * @param networkOf the container whose network it shares (its localhost too), or null for the default network
 */
public record OneOffRun(String name, String image, List<String> command, Map<String, String> environment,
                        Map<String, String> volumes, Duration timeout, String networkOf) {

    public OneOffRun(String name, String image, List<String> command, Map<String, String> environment,
                     Map<String, String> volumes, Duration timeout) {
        this(name, image, command, environment, volumes, timeout, null);
    }

    public OneOffRun {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        volumes = Map.copyOf(volumes);
    }
}
