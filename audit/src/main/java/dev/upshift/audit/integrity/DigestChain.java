package dev.upshift.audit.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Extends an upgrade's chain by the events just stored, reading them back so that it hashes exactly what is stored. */
final class DigestChain {

    private static final String STORED = "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry "
            + "WHERE aggregateIdentifier = ? AND sequenceNumber BETWEEN ? AND ? ORDER BY sequenceNumber";
    private static final String PREVIOUS = "SELECT digest FROM event_digest WHERE upgrade_id = ? AND sequence_number = ?";
    private static final String INSERT = "INSERT INTO event_digest (upgrade_id, sequence_number, event_type, digest) "
            + "VALUES (?, ?, ?, ?)";

    private DigestChain() {
    }

    /** Chains the stored events first..last of the upgrade to the digest of the event before them. */
    static void extend(Connection connection, String upgradeId, long first, long last) throws SQLException {
        String previous = previous(connection, upgradeId, first);
        try (PreparedStatement stored = connection.prepareStatement(STORED);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            stored.setString(1, upgradeId);
            stored.setLong(2, first);
            stored.setLong(3, last);
            try (ResultSet rows = stored.executeQuery()) {
                while (rows.next()) {
                    StoredEvent event = StoredEvent.from(rows);
                    previous = EventDigest.of(previous, event);
                    insert.setString(1, upgradeId);
                    insert.setLong(2, event.sequenceNumber());
                    insert.setString(3, event.shortType());
                    insert.setString(4, previous);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The digest the first event follows: its predecessor's, or the genesis when it has none (or one from before digests). */
    private static String previous(Connection connection, String upgradeId, long first) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PREVIOUS)) {
            query.setString(1, upgradeId);
            query.setLong(2, first - 1);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : EventDigest.GENESIS;
            }
        }
    }
}
