package dev.upshift.audit.store;

import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from JDBC timestamps, null-safe, so read models store event times exactly. */
public final class SqlTime {

    private SqlTime() {
    }

    public static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
