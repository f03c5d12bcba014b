package dev.upshift.audit.replay;

import java.util.List;

/** A finished rebuild: how many events were replayed into which read models (their processing groups). */
public record RebuildResult(long events, List<String> readModels) {

    public RebuildResult {
        readModels = List.copyOf(readModels);
    }
}
