package dev.upshift.orchestrator.adapters.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.DatabaseCompatibility;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ColumnUse;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ReplicationSlot;
import dev.upshift.orchestrator.api.LogicalReplicationReadiness;

/** The catalog reads of 0.5's compatibility checks, all in the caller's one read-only transaction. */
final class CompatibilityQueries {

    /** pg_upgrade's own list: the reg* types whose values are OIDs a new catalog does not keep. */
    private static final String[] REG_TYPES = {"regcollation", "regconfig", "regdictionary", "regnamespace",
            "regoper", "regoperator", "regproc", "regprocedure"};
    private static final int COLLATION_VERSIONS_SINCE = 15;

    private static final String SERVER = """
            SELECT current_setting('server_version_num')::int, current_setting('data_checksums') = 'on',
                   current_setting('shared_preload_libraries')""";
    // datlocprovider came with PostgreSQL 15; before it, every database's provider was libc
    private static final String DATABASE = """
            SELECT pg_encoding_to_char(encoding), datcollate, datctype, %s
            FROM pg_database WHERE datname = current_database()""";
    private static final String PROVIDER = "CASE datlocprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END";
    private static final String PREPARED = """
            SELECT format('%L in %s (owner %s, prepared %s)', gid, database, owner,
                          to_char(prepared AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'))
            FROM pg_prepared_xacts ORDER BY prepared, gid COLLATE "C\"""";
    // pg_upgrade's query: the types named, and the domains, arrays, composites and ranges built on them
    private static final String COLUMNS_OF_TYPES = """
            WITH RECURSIVE oids AS (
                SELECT to_regtype(name)::oid AS oid FROM unnest(?::text[]) AS name WHERE to_regtype(name) IS NOT NULL
                UNION ALL
                SELECT * FROM (
                    WITH x AS (SELECT oid FROM oids)
                    SELECT t.oid FROM pg_type t, x WHERE t.typbasetype = x.oid AND t.typtype = 'd'
                    UNION ALL
                    SELECT t.oid FROM pg_type t, x WHERE t.typelem = x.oid AND t.typtype = 'b'
                    UNION ALL
                    SELECT t.oid FROM pg_type t, pg_class c, pg_attribute a, x
                    WHERE t.typtype = 'c' AND t.oid = c.reltype AND c.oid = a.attrelid AND NOT a.attisdropped
                      AND a.atttypid = x.oid
                    UNION ALL
                    SELECT t.oid FROM pg_type t, pg_range r, x
                    WHERE t.typtype = 'r' AND r.rngtypid = t.oid AND r.rngsubtype = x.oid
                ) built_on
            )
            SELECT format('%I.%I', n.nspname, c.relname), a.attname, format_type(a.atttypid, a.atttypmod)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE NOT a.attisdropped AND a.atttypid IN (SELECT oid FROM oids) AND c.relkind IN ('r', 'm', 'i')
              AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
            ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", a.attnum""";
    private static final String MD5_ROLES = "SELECT rolname FROM pg_authid WHERE rolpassword LIKE 'md5%' ORDER BY rolname COLLATE \"C\"";
    private static final String MD5_HBA_RULES = """
            SELECT format('line %s (%s %s %s)', line_number, type, array_to_string(database, ','),
                          array_to_string(user_name, ','))
            FROM pg_hba_file_rules WHERE auth_method = 'md5' ORDER BY line_number""";
    private static final String SLOTS = """
            SELECT slot_name, slot_type, database FROM pg_replication_slots ORDER BY slot_name COLLATE "C\"""";
    private static final String COLLATION_VERSION = """
            SELECT pg_database_collation_actual_version(oid) FROM pg_database
            WHERE datname = current_database() AND datlocprovider = 'c'""";
    private static final String DATABASE_MISMATCHES = """
            SELECT format('database %s recorded %s, now %s', datname, datcollversion,
                          coalesce(pg_database_collation_actual_version(oid), 'none'))
            FROM pg_database
            WHERE datcollversion IS DISTINCT FROM pg_database_collation_actual_version(oid) AND datcollversion IS NOT NULL
            ORDER BY datname COLLATE "C\"""";
    private static final String COLLATION_MISMATCHES = """
            SELECT format('collation %I.%I recorded %s, now %s', n.nspname, c.collname, c.collversion,
                          coalesce(pg_collation_actual_version(c.oid), 'none'))
            FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
            WHERE c.collversion IS DISTINCT FROM pg_collation_actual_version(c.oid) AND c.collversion IS NOT NULL
            ORDER BY n.nspname COLLATE "C", c.collname COLLATE "C\"""";
    // a key collated by libc: an explicit libc collation other than C/POSIX, or the default of a libc database
    private static final String COLLATABLE_INDEXES = """
            SELECT DISTINCT format('%I.%I', n.nspname, ic.relname), n.nspname COLLATE "C", ic.relname COLLATE "C"
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = ic.relnamespace
            CROSS JOIN LATERAL unnest(i.indcollation::oid[]) AS key(collation_oid)
            JOIN pg_collation co ON co.oid = key.collation_oid
            CROSS JOIN (SELECT datcollate, datlocprovider FROM pg_database WHERE datname = current_database()) d
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
              AND ((co.collprovider = 'c' AND co.collcollate NOT IN ('C', 'POSIX'))
                   OR (co.collprovider = 'd' AND d.datlocprovider = 'c' AND d.datcollate NOT IN ('C', 'POSIX')))
            ORDER BY 2, 3""";

    private static final String REPLICATION = """
            SELECT current_setting('wal_level'), current_setting('max_replication_slots')::int,
                   current_setting('max_wal_senders')::int,
                   (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'walsender')::int,
                   (SELECT count(*) FROM pg_largeobject_metadata),
                   (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind = 'S' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema')::int""";
    // updates and deletes of a published table need its rows identified: the primary key (the default), a chosen
    // unique index, or the whole row (FULL); unlogged tables count too, as they must be made logged to be published
    private static final String TABLES_WITHOUT_IDENTITY = """
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND c.relpersistence <> 't'
              AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
              AND NOT (c.relreplident = 'f'
                       OR (c.relreplident = 'd' AND EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary))
                       OR (c.relreplident = 'i' AND EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident)))
            ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C\"""";
    private static final String UNLOGGED_TABLES = """
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND c.relpersistence = 'u'
              AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
            ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C\"""";

    /** Collations whose recorded version is not the one the server's library reports now. */
    private static final String STALE_COLLATIONS = """
            SELECT format('%I.%I', n.nspname, c.collname) FROM pg_collation c
            JOIN pg_namespace n ON n.oid = c.collnamespace
            WHERE c.collversion IS DISTINCT FROM pg_collation_actual_version(c.oid) AND c.collversion IS NOT NULL""";

    private CompatibilityQueries() {
    }

    /** The user indexes whose order the C library decides, as quoted names "schema.index" (15+). */
    static List<String> collatableIndexes(Connection connection) throws SQLException {
        return strings(connection, COLLATABLE_INDEXES);
    }

    /** Collations recorded with another version than the library's now, as quoted names (15+). */
    static List<String> staleCollations(Connection connection) throws SQLException {
        return strings(connection, STALE_COLLATIONS);
    }

    static DatabaseCompatibility read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet server = statement.executeQuery(SERVER)) {
            server.next();
            int version = server.getInt(1);
            boolean recordsCollationVersions = version / 10_000 >= COLLATION_VERSIONS_SINCE;
            ClusterSettings database = database(connection, version, server.getBoolean(2));
            return new DatabaseCompatibility(
                    version,
                    database,
                    strings(connection, PREPARED),
                    columnsOfTypes(connection, REG_TYPES),
                    columnsOfTypes(connection, new String[] {"aclitem"}),
                    strings(connection, MD5_ROLES),
                    strings(connection, MD5_HBA_RULES),
                    slots(connection),
                    libraries(server.getString(3)),
                    JdbcDatabaseInspector.extensions(connection),
                    recordsCollationVersions ? strings(connection, COLLATION_VERSION).stream().findFirst().orElse(null) : null,
                    recordsCollationVersions ? concat(strings(connection, DATABASE_MISMATCHES),
                            strings(connection, COLLATION_MISMATCHES)) : strings(connection, COLLATION_MISMATCHES),
                    recordsCollationVersions ? strings(connection, COLLATABLE_INDEXES) : List.of(),
                    logicalReplication(connection));
        }
    }

    private static ClusterSettings database(Connection connection, int version, boolean checksums) throws SQLException {
        String query = DATABASE.formatted(version / 10_000 < COLLATION_VERSIONS_SINCE ? "'libc'" : PROVIDER);
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return new ClusterSettings(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), checksums);
        }
    }

    /** "pg_stat_statements, '$libdir/auto_explain.so'" → pg_stat_statements, auto_explain: the names of their files. */
    static List<String> libraries(String setting) {
        return Arrays.stream(setting.split(","))
                .map(entry -> entry.strip().replace("\"", "").replace("'", ""))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> entry.substring(entry.lastIndexOf('/') + 1).replaceFirst("\\.so$", ""))
                .toList();
    }

    private static LogicalReplicationReadiness logicalReplication(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(REPLICATION)) {
            row.next();
            return new LogicalReplicationReadiness(row.getString(1), row.getInt(2), row.getInt(3), row.getInt(4),
                    strings(connection, TABLES_WITHOUT_IDENTITY), strings(connection, UNLOGGED_TABLES), row.getLong(5),
                    row.getInt(6));
        }
    }

    private static List<ColumnUse> columnsOfTypes(Connection connection, String[] types) throws SQLException {
        List<ColumnUse> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS_OF_TYPES)) {
            Array names = connection.createArrayOf("text", types);
            statement.setArray(1, names);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new ColumnUse(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return columns;
    }

    private static List<ReplicationSlot> slots(Connection connection) throws SQLException {
        List<ReplicationSlot> slots = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SLOTS)) {
            while (rows.next()) {
                slots.add(new ReplicationSlot(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return slots;
    }

    /** The first column of every row. */
    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
