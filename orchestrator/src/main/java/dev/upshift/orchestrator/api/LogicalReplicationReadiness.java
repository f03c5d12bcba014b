package dev.upshift.orchestrator.api;

import java.util.List;

/**
 * 0.5, for the logical method: what publishing every table of the plan's database on the old server would meet. The
 * slots in use are {@link DatabaseCompatibility#replicationSlots()}.
 *
 * @param walLevel              the server's wal_level: minimal, replica or logical
 * @param walSendersInUse       WAL senders running now (standbys, backups, other subscriptions)
 * @param tablesWithoutIdentity tables (user schemas) with neither a primary key nor a usable replica identity, as
 *                              quoted {@code schema.table}
 * @param unloggedTables        unlogged tables (user schemas), which a publication leaves out
 * @param largeObjects          large objects in the database, which logical replication does not carry
 * @param sequences             sequences (user schemas), whose values logical replication does not carry
 */
public record LogicalReplicationReadiness(
        String walLevel,
        int maxReplicationSlots,
        int maxWalSenders,
        int walSendersInUse,
        List<String> tablesWithoutIdentity,
        List<String> unloggedTables,
        long largeObjects,
        int sequences) {

    public LogicalReplicationReadiness {
        tablesWithoutIdentity = List.copyOf(tablesWithoutIdentity);
        unloggedTables = List.copyOf(unloggedTables);
    }
}
