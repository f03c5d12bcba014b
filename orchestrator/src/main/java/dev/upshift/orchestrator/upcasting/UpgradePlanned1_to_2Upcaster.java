package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import org.springframework.stereotype.Component;

/** {@link UpgradePlanned} 1 → 2: the plan gained pg-upgrade's {@code upgradeImage} and {@code transfer}, null before. */
@Component
public class UpgradePlanned1_to_2Upcaster extends FieldsAddedUpcaster {

    public UpgradePlanned1_to_2Upcaster() {
        super(UpgradePlanned.class, 1, "upgradeImage", "transfer");
    }

    @Override
    ObjectNode gainer(JsonNode payload) {
        return (ObjectNode) payload.get("plan");
    }
}
