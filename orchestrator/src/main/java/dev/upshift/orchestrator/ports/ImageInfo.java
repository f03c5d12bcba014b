package dev.upshift.orchestrator.ports;

import java.util.List;

/** A local image: its id, its registry digests (empty for a locally built image) and its size. */
public record ImageInfo(String id, List<String> repoDigests, long sizeBytes) {

    public ImageInfo {
        repoDigests = List.copyOf(repoDigests);
    }
}
