package dev.upshift.orchestrator.adapters.jdbc;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Baseline.ExtensionVersion;
import dev.upshift.orchestrator.api.Baseline.RoleAttributes;
import dev.upshift.orchestrator.api.Baseline.TableRows;
import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.DatabaseCompatibility;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.ports.DatabaseInspector.ServerVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** {@link DatabaseInspector} over plain JDBC: each read one read-only REPEATABLE READ transaction, so its facts share one snapshot. */
public class JdbcDatabaseInspector implements DatabaseInspector {

    private static final String SERVER = """
            SELECT current_setting('server_version'), current_setting('server_version_num')::int,
                   current_database(), pg_database_size(current_database())""";
    // pg_ is reserved for system schemas (pg_catalog, pg_toast*, other sessions' pg_temp*), so no user schema starts with it
    private static final String TABLES = """
            SELECT n.nspname, c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
            ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C\"""";
    private static final String EXTENSIONS = "SELECT extname, extversion FROM pg_extension ORDER BY extname COLLATE \"C\"";
    private static final String ROLES = """
            SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls,
                   rolconnlimit, to_char(rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"') AS valid_until_utc
            FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' ORDER BY rolname COLLATE "C\"""";
    // the schema on the search path first, as the application itself would find it
    private static final String MIGRATION_TABLE = """
            SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname = 'alembic_version' AND c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY n.nspname = current_schema() DESC, n.nspname COLLATE "C" LIMIT 1""";

    // datlocprovider came with PostgreSQL 15; before it, every cluster's provider was libc
    private static final String CLUSTER = """
            SELECT pg_encoding_to_char(encoding), datcollate, datctype, %s, current_setting('data_checksums') = 'on'
            FROM pg_database WHERE datname = 'template0'""";
    private static final String PROVIDER = "CASE datlocprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END";

    @Override
    public ServerVersion serverVersion(DatabaseEndpoint endpoint) {
        try (Connection connection = Jdbc.connect(endpoint); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery(
                     "SELECT current_setting('server_version'), current_setting('server_version_num')::int / 10000")) {
            version.next();
            return new ServerVersion(version.getString(1), version.getInt(2));
        } catch (SQLException e) {
            throw Jdbc.failure("read the server version of", endpoint, e);
        }
    }

    @Override
    public ClusterSettings clusterSettings(DatabaseEndpoint endpoint) {
        try (Connection connection = Jdbc.connect(endpoint); Statement statement = connection.createStatement()) {
            int version = connection.getMetaData().getDatabaseMajorVersion();
            try (ResultSet cluster = statement.executeQuery(CLUSTER.formatted(version < 15 ? "'libc'" : PROVIDER))) {
                cluster.next();
                return new ClusterSettings(cluster.getString(1), cluster.getString(2), cluster.getString(3),
                        cluster.getString(4), cluster.getBoolean(5));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read the cluster's settings", endpoint, e);
        }
    }

    @Override
    public Baseline inspect(DatabaseEndpoint endpoint) {
        try (Connection connection = Jdbc.connect(endpoint)) {
            readOnlySnapshot(connection);
            Baseline baseline = baseline(connection);
            connection.commit();
            return baseline;
        } catch (SQLException e) {
            throw Jdbc.failure("inspect database", endpoint, e);
        }
    }

    @Override
    public DatabaseCompatibility compatibility(DatabaseEndpoint endpoint) {
        try (Connection connection = Jdbc.connect(endpoint)) {
            readOnlySnapshot(connection);
            DatabaseCompatibility compatibility = CompatibilityQueries.read(connection);
            connection.commit();
            return compatibility;
        } catch (SQLException e) {
            throw Jdbc.failure("read what the upgrade must be compatible with in", endpoint, e);
        }
    }

    private static void readOnlySnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement statement = connection.createStatement()) {
            // a read waits behind an ACCESS EXCLUSIVE lock (a running migration): give up rather than hang
            statement.execute("SET LOCAL lock_timeout = '30s'");
        }
    }

    private static Baseline baseline(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet server = statement.executeQuery(SERVER)) {
            server.next();
            return new Baseline(
                    server.getString(1),
                    server.getInt(2),
                    server.getString(3),
                    server.getLong(4),
                    tables(connection),
                    extensions(connection),
                    roles(connection),
                    migrationVersion(connection));
        }
    }

    private record TableName(String schema, String name) {
    }

    private static List<TableRows> tables(Connection connection) throws SQLException {
        List<TableName> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TABLES)) {
            while (rows.next()) {
                names.add(new TableName(rows.getString(1), rows.getString(2)));
            }
        }
        List<TableRows> tables = new ArrayList<>();
        for (TableName table : names) {
            tables.add(new TableRows(table.schema(), table.name(), exactCount(connection, table)));
        }
        return tables;
    }

    /** count(*), not pg_class.reltuples: the integrity check compares exact numbers. */
    private static long exactCount(Connection connection, TableName table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + Jdbc.quoted(table.schema()) + "." + Jdbc.quoted(table.name()))) {
            count.next();
            return count.getLong(1);
        }
    }

    static List<ExtensionVersion> extensions(Connection connection) throws SQLException {
        List<ExtensionVersion> extensions = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(EXTENSIONS)) {
            while (rows.next()) {
                extensions.add(new ExtensionVersion(rows.getString(1), rows.getString(2)));
            }
        }
        return extensions;
    }

    private static List<RoleAttributes> roles(Connection connection) throws SQLException {
        List<RoleAttributes> roles = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(ROLES)) {
            while (rows.next()) {
                roles.add(new RoleAttributes(rows.getString("rolname"), RoleAttributeNames.of(rows)));
            }
        }
        return roles;
    }

    /** Alembic keeps one row per head; several heads are listed sorted, comma-separated. */
    private static String migrationVersion(Connection connection) throws SQLException {
        String schema;
        try (PreparedStatement statement = connection.prepareStatement(MIGRATION_TABLE);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            schema = rows.getString(1);
        }
        List<String> heads = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version_num FROM " + Jdbc.quoted(schema)
                     + ".alembic_version ORDER BY version_num COLLATE \"C\"")) {
            while (rows.next()) {
                heads.add(rows.getString(1));
            }
        }
        return heads.isEmpty() ? null : String.join(",", heads);
    }
}
