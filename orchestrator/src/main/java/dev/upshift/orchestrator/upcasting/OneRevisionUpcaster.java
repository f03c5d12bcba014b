package dev.upshift.orchestrator.upcasting;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One revision up for one event, by a change to its stored JSON (a field added with what it meant before, a field
 * renamed). Axon's auto-configuration puts every {@code EventUpcaster} bean in its upcaster chain.
 */
abstract class OneRevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final Consumer<ObjectNode> change;

    OneRevisionUpcaster(Class<?> event, int fromRevision, Consumer<ObjectNode> change) {
        this.from = new SimpleSerializedType(event.getName(), String.valueOf(fromRevision));
        this.to = new SimpleSerializedType(event.getName(), String.valueOf(fromRevision + 1));
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            change.accept((ObjectNode) payload);
            return payload;
        });
    }
}
