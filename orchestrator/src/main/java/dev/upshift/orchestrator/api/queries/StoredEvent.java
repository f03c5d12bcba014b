package dev.upshift.orchestrator.api.queries;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One event as the store holds it.
 *
 * @param sequence its number within the upgrade, from 0
 * @param payload the event record itself (serialised as JSON when printed)
 * @param metadata who caused it (actor, host) and the correlation to the command
 */
public record StoredEvent(long sequence, Instant time, String type, Object payload, Map<String, Object> metadata) {

    public StoredEvent {
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }
}
