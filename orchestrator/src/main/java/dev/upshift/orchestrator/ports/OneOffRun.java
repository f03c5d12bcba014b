package dev.upshift.orchestrator.ports;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A throwaway container that does one job and is removed: its image, its command (the image's entrypoint
 * bypassed), its environment, the named volumes it mounts (volume → path), and how long it may take.
 *
 * @param name a name a redone step finds a leftover by (it is removed first), or null for one Docker makes up
 */
public record OneOffRun(String name, String image, List<String> command, Map<String, String> environment,
                        Map<String, String> volumes, Duration timeout) {

    public OneOffRun {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        volumes = Map.copyOf(volumes);
    }
}
