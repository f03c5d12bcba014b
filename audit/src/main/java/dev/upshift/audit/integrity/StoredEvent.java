package dev.upshift.audit.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An event as the store holds it — the serialised form, before any upcaster — which is what its digest covers, so
 * that a later revision of the event's class never breaks the chain.
 */
record StoredEvent(String upgradeId, long sequenceNumber, String type, String revision, String timestamp,
                   byte[] payload, byte[] metadata) {

    /** The columns {@link #from} reads, in Axon's default event table. */
    static final String COLUMNS = "aggregateIdentifier, sequenceNumber, payloadType, payloadRevision, timeStamp, "
            + "payload, metaData";

    static StoredEvent from(ResultSet row) throws SQLException {
        return new StoredEvent(row.getString(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getBytes(6), row.getBytes(7));
    }

    /** The event's type as an operator reads it: the class's simple name. */
    String shortType() {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
