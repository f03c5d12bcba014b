package dev.upshift.orchestrator.upcasting;

import dev.upshift.orchestrator.api.events.DataRestored;
import org.springframework.stereotype.Component;

/** {@link DataRestored} 1 → 2: the new {@code cluster}'s settings, not read before (null). */
@Component
public class DataRestored1_to_2Upcaster extends OneRevisionUpcaster {

    public DataRestored1_to_2Upcaster() {
        super(DataRestored.class, 1, payload -> {
            payload.putNull("cluster");
        });
    }
}
