package dev.upshift.orchestrator.upcasting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.StoredEventSerializer;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/** Events as the JDBC event store hands them to the upcaster chain: JSON bytes with their type and revision. */
final class StoredEvents {

    private static final Serializer SERIALIZER = StoredEventSerializer.create();

    private StoredEvents() {
    }

    /** An event of the sample upgrade stored as the classpath resource {@code /events/<file>} holds it. */
    static IntermediateEventRepresentation fixture(Class<?> type, String revision, String file) {
        return stored(type, revision, fixtureBytes(file));
    }

    /** The classpath resource {@code /events/<file>}. */
    static byte[] fixtureBytes(String file) {
        try (InputStream json = StoredEvents.class.getResourceAsStream("/events/" + file)) {
            if (json == null) {
                throw new IllegalArgumentException("no fixture events/" + file + " in src/test/resources");
            }
            return json.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static IntermediateEventRepresentation stored(Class<?> type, String revision, byte[] payload) {
        return stored(type.getName(), revision, payload);
    }

    /** An event stored under a type name of its own, as an older Upshift named it. */
    static IntermediateEventRepresentation stored(String typeName, String revision, byte[] payload) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Upgrade", SamplePlans.UPGRADE_ID, 4,
                UUID.randomUUID().toString(), Instant.parse("2025-12-14T09:30:00Z"), typeName, revision, payload,
                "{}".getBytes(StandardCharsets.UTF_8)), SERIALIZER);
    }

    /** The event the store's serializer makes of the (upcast) representation. */
    static Object deserialise(IntermediateEventRepresentation representation) {
        return SERIALIZER.deserialize(representation.getData());
    }
}
