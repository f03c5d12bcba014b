package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * R (logical): the replica's container stopped and removed (its volume kept), and the replication objects that were
 * left removed from both servers, each named in removed ("subscription x", "slot x", "publication x").
 */
@Revision("1")
public record ReplicaRemoved(String upgradeId, Step step, String container, List<String> removed)
        implements StepOutcome {

    public ReplicaRemoved {
        removed = List.copyOf(removed);
    }
}
