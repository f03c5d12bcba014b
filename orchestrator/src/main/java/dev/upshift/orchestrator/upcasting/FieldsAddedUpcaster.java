package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision n → n + 1 of an event that gained fields at its end (or one of its values did): an older event did not
 * record them, so they are null, which each event's documentation says the meaning of.
 */
abstract class FieldsAddedUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final String[] added;

    FieldsAddedUpcaster(Class<?> event, int fromRevision, String... added) {
        this.from = new SimpleSerializedType(event.getName(), String.valueOf(fromRevision));
        this.to = new SimpleSerializedType(event.getName(), String.valueOf(fromRevision + 1));
        this.added = added.clone();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode gainer = gainer(payload);
            for (String field : added) {
                gainer.putNull(field);
            }
            return payload;
        });
    }

    /** The object in the payload that gained the fields: the event itself, unless one of its values did. */
    ObjectNode gainer(JsonNode payload) {
        return (ObjectNode) payload;
    }
}
