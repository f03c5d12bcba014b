package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import org.springframework.stereotype.Component;

/** {@link UpgradePlanned} 2 → 3: the plan gained its maintenance {@code windows}; before, none (any time). */
@Component
public class UpgradePlanned2_to_3Upcaster extends OneRevisionUpcaster {

    public UpgradePlanned2_to_3Upcaster() {
        super(UpgradePlanned.class, 2, payload -> ((ObjectNode) payload.get("plan")).putArray("windows"));
    }
}
