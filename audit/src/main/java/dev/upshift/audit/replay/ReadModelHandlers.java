package dev.upshift.audit.replay;

import java.util.Collection;
import java.util.List;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * Read models fed outside a processor, through Axon's own adapter, so that parameters, the most-specific-handler
 * rule and the reset handlers are as in a processor; a failing handler fails the replay instead of being logged.
 */
final class ReadModelHandlers {

    private final List<AnnotationEventHandlerAdapter> handlers;

    ReadModelHandlers(Collection<?> readModels) {
        this.handlers = readModels.stream().map(AnnotationEventHandlerAdapter::new).toList();
    }

    void reset() {
        handlers.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    void apply(EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (!handler.canHandle(event)) {
                continue;
            }
            try {
                handler.handle(event);
            } catch (Exception failure) {
                throw new IllegalStateException("replaying " + describe(event) + " failed: " + failure.getMessage(),
                        failure);
            }
        }
    }

    private static String describe(EventMessage<?> event) {
        String type = event.getPayloadType().getSimpleName();
        return event instanceof DomainEventMessage<?> domain
                ? type + " " + domain.getSequenceNumber() + " of " + domain.getAggregateIdentifier()
                : type + " " + event.getIdentifier();
    }
}
