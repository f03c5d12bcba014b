package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The events moved from {@code orchestrator.api} to {@code orchestrator.api.events}: a stored event's type name
 * follows them, its revision and payload unchanged. First in the chain, since the revision upcasters know the
 * events by their present names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EventPackageUpcaster extends SingleEventUpcaster {

    static final String FORMER_PACKAGE = "dev.upshift.orchestrator.api.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return type.startsWith(FORMER_PACKAGE) && type.indexOf('.', FORMER_PACKAGE.length()) < 0;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String name = representation.getType().getName().substring(FORMER_PACKAGE.length());
        return representation.upcastPayload(new SimpleSerializedType(UpgradeEvent.class.getPackageName() + "." + name,
                representation.getType().getRevision()), JsonNode.class, payload -> payload);
    }
}
