package dev.upshift.orchestrator.upcasting;

import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import org.springframework.stereotype.Component;

/** {@link CompatibilityChecked} 1 → 2: the target image's {@code dataLayout}, not looked at before (null). */
@Component
public class CompatibilityChecked1_to_2Upcaster extends OneRevisionUpcaster {

    public CompatibilityChecked1_to_2Upcaster() {
        super(CompatibilityChecked.class, 1, payload -> {
            payload.putNull("dataLayout");
        });
    }
}
