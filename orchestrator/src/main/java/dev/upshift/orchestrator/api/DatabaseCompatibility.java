package dev.upshift.orchestrator.api;

import java.util.List;

/**
 * 0.5: what the live old server shows that may not survive the upgrade, read in one read-only transaction. The
 * cluster-wide facts (prepared transactions, roles, slots, settings) cover every database; the catalog facts
 * (columns, indexes, extensions) cover the plan's database.
 *
 * @param database             the plan's database's encoding, collate, ctype and provider, and the cluster's checksums
 * @param collationVersion     what the C library now gives as the database's collation version; null for the C
 *                             locale, a provider other than libc, or a server before 15
 * @param collationMismatches  databases and collations whose recorded collation version is not the C library's now
 * @param collatableIndexes    indexes whose order depends on the C library's collation (a libc change must rebuild them)
 * @param logical              what a logical replication of the plan's database would meet (the logical method's checks)
 */
public record DatabaseCompatibility(
        int serverVersionNumber,
        ClusterSettings database,
        List<String> preparedTransactions,
        List<ColumnUse> regTypeColumns,
        List<ColumnUse> aclitemColumns,
        List<String> md5Roles,
        List<String> md5HbaRules,
        List<ReplicationSlot> replicationSlots,
        List<String> preloadLibraries,
        List<Baseline.ExtensionVersion> extensions,
        String collationVersion,
        List<String> collationMismatches,
        List<String> collatableIndexes,
        LogicalReplicationReadiness logical) {

    public DatabaseCompatibility {
        preparedTransactions = List.copyOf(preparedTransactions);
        regTypeColumns = List.copyOf(regTypeColumns);
        aclitemColumns = List.copyOf(aclitemColumns);
        md5Roles = List.copyOf(md5Roles);
        md5HbaRules = List.copyOf(md5HbaRules);
        replicationSlots = List.copyOf(replicationSlots);
        preloadLibraries = List.copyOf(preloadLibraries);
        extensions = List.copyOf(extensions);
        collationMismatches = List.copyOf(collationMismatches);
        collatableIndexes = List.copyOf(collatableIndexes);
    }

    public int majorVersion() {
        return serverVersionNumber / 10_000;
    }

    /** A column of a user table and its type, as {@code schema.table.column (type)}. */
    public record ColumnUse(String table, String column, String type) {

        @Override
        public String toString() {
            return table + "." + column + " (" + type + ")";
        }
    }

    /** @param type physical or logical; @param database null for a physical slot */
    public record ReplicationSlot(String name, String type, String database) {

        public boolean logical() {
            return "logical".equals(type);
        }

        @Override
        public String toString() {
            return name + " (" + type + (database == null ? "" : ", " + database) + ")";
        }
    }
}
