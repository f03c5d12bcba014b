package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 → 2 of an event whose phase number became a phase ("2") or a step ("3.5") as text, under a new
 * field name; null stays null. Axon's auto-configuration puts every {@code EventUpcaster} bean in its upcaster chain.
 */
abstract class PhaseNumberToTextUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType revision1;
    private final SimpleSerializedType revision2;
    private final String numberField;
    private final String textField;

    PhaseNumberToTextUpcaster(Class<?> event, String numberField, String textField) {
        this.revision1 = new SimpleSerializedType(event.getName(), "1");
        this.revision2 = new SimpleSerializedType(event.getName(), "2");
        this.numberField = numberField;
        this.textField = textField;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(revision1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(revision2, JsonNode.class, this::numberAsText);
    }

    private JsonNode numberAsText(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        JsonNode number = event.remove(numberField);
        event.put(textField, number == null || number.isNull() ? null : number.asText());
        return event;
    }
}
