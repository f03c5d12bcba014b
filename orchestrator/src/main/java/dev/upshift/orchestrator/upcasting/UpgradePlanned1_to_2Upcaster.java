package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/** {@link UpgradePlanned} 1 → 2: the plan gained pg-upgrade's {@code upgradeImage} and {@code transfer}, null before. */
@Component
public class UpgradePlanned1_to_2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(UpgradePlanned.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(UpgradePlanned.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode plan = (ObjectNode) payload.get("plan");
            plan.putNull("upgradeImage");
            plan.putNull("transfer");
            return payload;
        });
    }
}
