package dev.upshift.orchestrator.upcasting;

import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import org.springframework.stereotype.Component;

/**
 * {@link CompatibilityChecked} 2 → 3: what the target image ships ({@code libcVersion}, {@code libraries},
 * {@code extensionFiles}, {@code locales}), not listed by 0.4 before (null).
 */
@Component
public class CompatibilityChecked2_to_3Upcaster extends OneRevisionUpcaster {

    public CompatibilityChecked2_to_3Upcaster() {
        super(CompatibilityChecked.class, 2, payload -> {
            payload.putNull("libcVersion");
            payload.putNull("libraries");
            payload.putNull("extensionFiles");
            payload.putNull("locales");
        });
    }
}
