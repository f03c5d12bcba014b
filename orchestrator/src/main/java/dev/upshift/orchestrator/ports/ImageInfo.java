package dev.upshift.orchestrator.ports;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.upshift.orchestrator.api.DataLayout;

/**
 * A local image: its id, its registry digests (empty for a locally built image), its size, and what its
 * configuration gives every container: environment variables and VOLUME paths.
 */
public record ImageInfo(String id, List<String> repoDigests, long sizeBytes, Map<String, String> environment,
                        List<String> volumes) {

    public ImageInfo {
        repoDigests = List.copyOf(repoDigests);
        environment = Map.copyOf(environment);
        volumes = List.copyOf(volumes);
    }

    /** PGDATA and the innermost VOLUME that holds it; empty when the image declares either not. */
    public Optional<DataLayout> dataLayout() {
        String dataDirectory = environment.get("PGDATA");
        if (dataDirectory == null || !dataDirectory.startsWith("/")) {
            return Optional.empty();
        }
        return volumes.stream()
                .filter(volume -> volume.startsWith("/") && Path.of(dataDirectory).startsWith(Path.of(volume)))
                .max(Comparator.comparingInt(String::length))
                .map(volume -> new DataLayout(volume, dataDirectory));
    }
}
