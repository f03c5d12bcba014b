package dev.upshift.audit.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from JDBC timestamps, null-safe. An event's time is finer than Axon's JDBC event store keeps
 * (milliseconds): read models, written as the event is stored or rebuilt from the store, keep it truncated the same
 * way, so that a rebuild changes no time they show and {@code replay --at} that time includes the event.
 */
public final class SqlTime {

    private SqlTime() {
    }

    public static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(stored(instant));
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** An instant as the read models keep it. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
