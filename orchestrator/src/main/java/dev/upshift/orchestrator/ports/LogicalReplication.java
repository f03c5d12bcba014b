package dev.upshift.orchestrator.ports;

import java.util.List;
import java.util.Optional;

/**
 * Logical replication from the old server (the publisher) to the new one (the subscriber), as their superuser: the
 * logical method's whole transfer. Every change is idempotent, so a redone step can call it again.
 */
public interface LogicalReplication {

    /** The server's {@code wal_level}: logical decoding needs {@code logical}. */
    String walLevel(DatabaseEndpoint server);

    /** Sets {@code wal_level = logical} for the server's next start ({@code ALTER SYSTEM}: the cluster keeps it). */
    void requestLogicalWalLevel(DatabaseEndpoint server);

    /** Publishes every table of the endpoint's database under this name, unless it is published already. */
    void publishAllTables(DatabaseEndpoint publisher, String publication);

    /**
     * Subscribes the endpoint's database to the publication, copying the tables' rows first; the slot on the
     * publisher takes the subscription's name. The connection string holds no password: the subscriber's server
     * has it in its environment ({@code PGPASSWORD}), so it is in no statement and no log.
     *
     * @param publisherConnection libpq's key=value form, without password
     */
    void subscribe(DatabaseEndpoint subscriber, String subscription, String publisherConnection, String publication);

    /** Where the copy and the catch-up are, as the subscriber and the publisher see them; fails if either is gone. */
    SyncState syncState(DatabaseEndpoint subscriber, DatabaseEndpoint publisher, String subscription);

    boolean hasSlot(DatabaseEndpoint publisher, String slot);

    /**
     * Vacuums and analyses the subscriber's database: what autovacuum would otherwise start on every freshly copied
     * table — during the switch, on the same cores.
     */
    void vacuumAnalyze(DatabaseEndpoint subscriber);

    /** The publisher's current write-ahead log position, as text ("0/1A2B3C"). */
    String currentPosition(DatabaseEndpoint publisher);

    /** True once the subscription's slot has confirmed everything up to the position. */
    boolean confirmedUpTo(DatabaseEndpoint publisher, String slot, String position);

    /** A digest of the user tables' columns and types: equal on both servers while the schema did not change. */
    String schemaDigest(DatabaseEndpoint server);

    /** Every user sequence with a value, as {@code schema.name} and its last value. */
    List<SequenceValue> sequences(DatabaseEndpoint server);

    /** Sets each sequence to its value, so that the next value is past every row replicated. */
    void setSequences(DatabaseEndpoint server, List<SequenceValue> values);

    /** Drops the subscription on the subscriber only (its slot is the publisher's to drop); nothing if it is gone. */
    boolean dropSubscription(DatabaseEndpoint subscriber, String subscription);

    /** Drops the slot on the publisher once no sender uses it; nothing if it is gone. */
    boolean dropSlot(DatabaseEndpoint publisher, String slot);

    /** Drops the publication; nothing if it is gone. */
    boolean dropPublication(DatabaseEndpoint publisher, String publication);

    /** @param errors the subscriber's last apply or sync error count, non-zero when a table cannot be replicated */
    record SyncState(int tables, int tablesReady, long lagBytes, Optional<Long> lagMillis, long errors) {

        public boolean copied() {
            return tablesReady == tables;
        }
    }

    record SequenceValue(String name, long lastValue) {
    }
}
