package dev.upshift.audit.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from JDBC timestamps, null-safe. An event's time may be finer than a timestamp column keeps
 * (H2 and PostgreSQL keep microseconds, and round): read models keep it truncated, so that a time they show never
 * lies after the event's own and {@code replay --at} that time includes the event.
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
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
