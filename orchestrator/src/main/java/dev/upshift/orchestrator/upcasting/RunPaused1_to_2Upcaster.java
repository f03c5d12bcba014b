package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upshift.orchestrator.api.RunPaused;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link RunPaused} 1 → 2: {@code afterPhase} (a phase number) became {@code after}, a phase ("2") or a step
 * ("3.5") as text. Axon's auto-configuration puts every {@code EventUpcaster} bean in its upcaster chain.
 */
@Component
public class RunPaused1_to_2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(RunPaused.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(RunPaused.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, RunPaused1_to_2Upcaster::afterAsText);
    }

    private static JsonNode afterAsText(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        JsonNode afterPhase = event.remove("afterPhase");
        event.put("after", afterPhase == null || afterPhase.isNull() ? null : afterPhase.asText());
        return event;
    }
}
