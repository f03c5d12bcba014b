package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upshift.orchestrator.api.RunStarted;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link RunStarted} 1 → 2: {@code untilPhase} (a phase number or null) became {@code until}, a phase ("3") or a
 * step ("3.5") as text. Axon's auto-configuration puts every {@code EventUpcaster} bean in its upcaster chain.
 */
@Component
public class RunStarted1_to_2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(RunStarted.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(RunStarted.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, RunStarted1_to_2Upcaster::untilAsText);
    }

    private static JsonNode untilAsText(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        JsonNode untilPhase = event.remove("untilPhase");
        event.put("until", untilPhase == null || untilPhase.isNull() ? null : untilPhase.asText());
        return event;
    }
}
