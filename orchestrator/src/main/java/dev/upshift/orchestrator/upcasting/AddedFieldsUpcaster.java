package dev.upshift.orchestrator.upcasting;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** One revision up for an event that gained fields: they are added to the stored JSON with what they meant before. */
abstract class AddedFieldsUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final Consumer<ObjectNode> addFields;

    AddedFieldsUpcaster(Class<?> event, int fromRevision, Consumer<ObjectNode> addFields) {
        this.from = new SimpleSerializedType(event.getName(), String.valueOf(fromRevision));
        this.to = new SimpleSerializedType(event.getName(), String.valueOf(fromRevision + 1));
        this.addFields = addFields;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            addFields.accept((ObjectNode) payload);
            return payload;
        });
    }
}
