package dev.upshift.orchestrator.api.events;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.serialization.Revision;

/** Every event of the Upgrade aggregate, read from its sealed hierarchy, so that a new event cannot escape the tests that list them. */
public final class ApiEvents {

    private ApiEvents() {
    }

    /** The records that implement {@link UpgradeEvent}, by name. */
    public static List<Class<?>> all() {
        return records(UpgradeEvent.class).sorted(Comparator.comparing(Class::getSimpleName)).toList();
    }

    private static Stream<Class<?>> records(Class<?> type) {
        return type.isSealed() ? Stream.of(type.getPermittedSubclasses()).flatMap(ApiEvents::records) : Stream.of(type);
    }

    /** The revision an event is stored with: its {@link Revision}, or null without one. */
    public static String revisionOf(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
