package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 2.3 (logical): the new server runs beside the old one (its own container and the new volume, on the stack's
 * networks, not under the service's name) with the old server's roles and schema, subscribed to a publication of all
 * its tables; the slot on the old server has the subscription's name. A redone step rebuilds all of it.
 *
 * @param sequences the user sequences, whose values 3.2 copies at the switch
 */
@Revision("1")
public record ReplicaBuilt(String upgradeId, Step step, String container, String volume, String publication,
                           String subscription, int tables, List<String> sequences) implements StepOutcome {

    public ReplicaBuilt {
        sequences = List.copyOf(sequences);
    }
}
