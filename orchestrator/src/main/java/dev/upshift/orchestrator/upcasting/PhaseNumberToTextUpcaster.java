package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Revision 1 → 2 of an event whose phase number became a phase ("2") or a step ("3.5") as text, under a new field
 * name; null stays null.
 */
abstract class PhaseNumberToTextUpcaster extends OneRevisionUpcaster {

    PhaseNumberToTextUpcaster(Class<?> event, String numberField, String textField) {
        super(event, 1, payload -> {
            JsonNode number = payload.remove(numberField);
            payload.put(textField, number == null || number.isNull() ? null : number.asText());
        });
    }
}
