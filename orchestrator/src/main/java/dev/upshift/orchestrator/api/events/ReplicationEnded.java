package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 3.2 (logical): behind the fence, the new server confirmed the old one's log up to fencePosition (drainMillis after
 * the step began), the schema was still the one it got at 2.3, the sequences were set past the old values, and the
 * subscription, its slot and the publication are gone.
 *
 * @param sequences each sequence copied, as "schema.name = value"
 */
@Revision("1")
public record ReplicationEnded(String upgradeId, Step step, String fencePosition, long drainMillis,
                               List<String> sequences) implements StepOutcome {

    public ReplicationEnded {
        sequences = List.copyOf(sequences);
    }
}
