package dev.upshift.orchestrator.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.time.Poll;

/** {@link DatabaseAdministrator} over plain JDBC, connected as the server's superuser. */
public class JdbcDatabaseAdministrator implements DatabaseAdministrator {

    /** pg_upgrade carries the old library's version over; the new server's library reports its own. */
    private static final String COLLATION_VERSION_CHANGED = """
            SELECT datcollversion IS NOT NULL AND datcollversion IS DISTINCT FROM pg_database_collation_actual_version(oid)
            FROM pg_database WHERE datname = current_database()""";

    private static final String CONNECTION_LIMIT = "SELECT datconnlimit FROM pg_database WHERE datname = current_database()";
    private static final String OTHER_ROLES_SESSIONS = """
             FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename <> current_user""";
    private static final String TERMINATE_OTHER_ROLES = "SELECT count(pg_terminate_backend(pid))" + OTHER_ROLES_SESSIONS;
    private static final String COUNT_OTHER_ROLES = "SELECT count(*)" + OTHER_ROLES_SESSIONS;
    private static final Duration SESSION_EXIT_POLL = Duration.ofMillis(100);
    private static final Duration SESSION_EXIT_TIMEOUT = Duration.ofSeconds(10);
    // statistics are read from a snapshot cached per transaction: clear it so each call sees the present
    private static final String WRITE_COUNTER = """
            SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables""";
    private static final String OUTDATED_EXTENSIONS = """
            SELECT e.extname, e.extversion, a.default_version FROM pg_extension e
            JOIN pg_available_extensions a ON a.name = e.extname
            WHERE a.default_version IS DISTINCT FROM e.extversion ORDER BY e.extname""";

    private static final String DATABASE_OWNER = "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?";
    // what a restore creates, committed or not at all (--single-transaction): relations, types, functions,
    // schemas and extensions beyond those initdb makes
    private static final String USER_OBJECTS = """
            SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema')
                 + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema')
                 + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema')
                 + (SELECT count(*) FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname NOT IN ('public', 'information_schema'))
                 + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')""";

    @Override
    public Fence fence(DatabaseEndpoint endpoint) {
        try (Connection connection = Jdbc.connect(endpoint); Statement statement = connection.createStatement()) {
            int previousLimit = single(statement, CONNECTION_LIMIT);
            statement.execute("ALTER DATABASE " + Jdbc.quoted(endpoint.database()) + " CONNECTION LIMIT 0");
            int terminated = single(statement, TERMINATE_OTHER_ROLES);
            awaitSessionsGone(statement);
            return new Fence(previousLimit, terminated);
        } catch (SQLException e) {
            throw Jdbc.failure("fence database", endpoint, e);
        }
    }

    /** A terminated backend counts its last writes as it exits: the fence holds only once they are gone. */
    private static void awaitSessionsGone(Statement statement) throws SQLException {
        Poll.every(SESSION_EXIT_POLL, SESSION_EXIT_TIMEOUT).until(() -> single(statement, COUNT_OTHER_ROLES),
                open -> open == 0,
                open -> new SQLException("sessions of other roles are still open " + SESSION_EXIT_TIMEOUT.toSeconds()
                        + " s after they were terminated"),
                interrupted -> new SQLException("interrupted while waiting for terminated sessions to end", interrupted));
    }

    @Override
    public void liftFence(DatabaseEndpoint endpoint, int connectionLimit) {
        try (Connection connection = Jdbc.connect(endpoint); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + Jdbc.quoted(endpoint.database()) + " CONNECTION LIMIT " + connectionLimit);
        } catch (SQLException e) {
            throw Jdbc.failure("lift the fence of database", endpoint, e);
        }
    }

    @Override
    public long writeCounter(DatabaseEndpoint endpoint) {
        try (Connection connection = Jdbc.connect(endpoint); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery(WRITE_COUNTER)) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("count the writes of database", endpoint, e);
        }
    }

    /** The database the entrypoint made on a fresh data directory serves as it is: a drop and create costs ~1 s. */
    @Override
    public void emptyDatabase(DatabaseEndpoint maintenance, String database, String owner) {
        try (Connection connection = Jdbc.connect(maintenance); Statement statement = connection.createStatement()) {
            if (owner.equals(ownerOf(connection, database)) && holdsNothing(maintenance, database)) {
                return;
            }
            statement.execute("DROP DATABASE IF EXISTS " + Jdbc.quoted(database) + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + Jdbc.quoted(database) + " OWNER " + Jdbc.quoted(owner));
        } catch (SQLException e) {
            throw Jdbc.failure("empty database " + database + " through", maintenance, e);
        }
    }

    /** The owner's name, or null when there is no such database. */
    private static String ownerOf(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(DATABASE_OWNER)) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static boolean holdsNothing(DatabaseEndpoint maintenance, String database) throws SQLException {
        DatabaseEndpoint endpoint = new DatabaseEndpoint(maintenance.host(), maintenance.port(), database,
                maintenance.user(), maintenance.password());
        try (Connection connection = Jdbc.connect(endpoint); Statement statement = connection.createStatement()) {
            return single(statement, USER_OBJECTS) == 0;
        }
    }

    @Override
    public List<String> updateExtensions(DatabaseEndpoint endpoint) {
        List<String> updated = new ArrayList<>();
        try (Connection connection = Jdbc.connect(endpoint);
             PreparedStatement outdated = connection.prepareStatement(OUTDATED_EXTENSIONS);
             ResultSet rows = outdated.executeQuery();
             Statement statement = connection.createStatement()) {
            while (rows.next()) {
                statement.execute("ALTER EXTENSION " + Jdbc.quoted(rows.getString(1)) + " UPDATE");
                updated.add(rows.getString(1) + " " + rows.getString(2) + " → " + rows.getString(3));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("update the extensions of database", endpoint, e);
        }
        return updated;
    }

    @Override
    public boolean collationVersionChanged(DatabaseEndpoint endpoint) {
        try (Connection connection = Jdbc.connect(endpoint); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(COLLATION_VERSION_CHANGED)) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            throw Jdbc.failure("read the collation version of database", endpoint, e);
        }
    }

    @Override
    public List<String> rebuildCollatedIndexes(DatabaseEndpoint endpoint) {
        try (Connection connection = Jdbc.connect(endpoint); Statement statement = connection.createStatement()) {
            List<String> indexes = CompatibilityQueries.collatableIndexes(connection);
            for (String index : indexes) {
                statement.execute("REINDEX INDEX " + index);
            }
            for (String collation : CompatibilityQueries.staleCollations(connection)) {
                statement.execute("ALTER COLLATION " + collation + " REFRESH VERSION");
            }
            statement.execute("ALTER DATABASE " + Jdbc.quoted(endpoint.database()) + " REFRESH COLLATION VERSION");
            return indexes;
        } catch (SQLException e) {
            throw Jdbc.failure("rebuild the collated indexes of database", endpoint, e);
        }
    }

    private static int single(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
