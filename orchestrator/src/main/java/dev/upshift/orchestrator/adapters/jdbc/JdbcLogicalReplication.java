package dev.upshift.orchestrator.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.LogicalReplication;
import dev.upshift.orchestrator.time.Poll;

/** {@link LogicalReplication} over plain JDBC, connected as each server's superuser. */
public class JdbcLogicalReplication implements LogicalReplication {

    private static final Duration SLOT_RELEASE_POLL = Duration.ofMillis(100);
    private static final Duration SLOT_RELEASE_TIMEOUT = Duration.ofSeconds(5);
    private static final String OBJECT_IN_USE = "55006";
    private static final String TABLE_STATES = """
            SELECT count(*), count(*) FILTER (WHERE r.srsubstate = 'r')
              FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid WHERE s.subname = ?""";
    private static final String ERRORS = """
            SELECT coalesce(sum(apply_error_count + sync_error_count), 0) FROM pg_stat_subscription_stats WHERE subname = ?""";
    private static final String SLOT_LAG = """
            SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint
              FROM pg_replication_slots WHERE slot_name = ?""";
    private static final String REPLAY_LAG = """
            SELECT (extract(epoch FROM replay_lag) * 1000)::bigint FROM pg_stat_replication WHERE application_name = ?""";
    private static final String CONFIRMED = """
            SELECT confirmed_flush_lsn >= ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?""";
    // the user tables' columns in a fixed order: any DDL on a replicated table changes the digest
    private static final String SCHEMA_DIGEST = """
            SELECT md5(coalesce(string_agg(n.nspname || '.' || c.relname || '.' || a.attname || ' '
                       || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
                       ',' ORDER BY n.nspname, c.relname, a.attnum), ''))
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE c.relkind IN ('r', 'p') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'""";
    private static final String SEQUENCES = """
            SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value FROM pg_sequences
             WHERE last_value IS NOT NULL ORDER BY 1""";

    @Override
    public String walLevel(DatabaseEndpoint server) {
        return query(server, "read wal_level of", connection -> text(connection, "SHOW wal_level"));
    }

    @Override
    public void requestLogicalWalLevel(DatabaseEndpoint server) {
        execute(server, "set wal_level = logical on", "ALTER SYSTEM SET wal_level = logical");
    }

    @Override
    public void publishAllTables(DatabaseEndpoint publisher, String publication) {
        query(publisher, "publish the tables of", connection -> {
            if (!exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?", publication)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE PUBLICATION " + Jdbc.quoted(publication) + " FOR ALL TABLES");
                }
            }
            return null;
        });
    }

    @Override
    public void subscribe(DatabaseEndpoint subscriber, String subscription, String publisherConnection,
                          String publication) {
        query(subscriber, "subscribe", connection -> {
            if (!exists(connection, "SELECT 1 FROM pg_subscription WHERE subname = ?", subscription)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SUBSCRIPTION " + Jdbc.quoted(subscription) + " CONNECTION "
                            + literal(publisherConnection) + " PUBLICATION " + Jdbc.quoted(publication)
                            + " WITH (copy_data = true)");
                }
            }
            return null;
        });
    }

    @Override
    public SyncState syncState(DatabaseEndpoint subscriber, DatabaseEndpoint publisher, String subscription) {
        long[] tables = query(subscriber, "read the subscription of", connection -> {
            if (!exists(connection, "SELECT 1 FROM pg_subscription WHERE subname = ?", subscription)) {
                throw new SQLException("subscription " + subscription + " is gone");
            }
            try (PreparedStatement states = connection.prepareStatement(TABLE_STATES);
                 PreparedStatement errors = connection.prepareStatement(ERRORS)) {
                states.setString(1, subscription);
                errors.setString(1, subscription);
                try (ResultSet counted = states.executeQuery(); ResultSet failed = errors.executeQuery()) {
                    counted.next();
                    failed.next();
                    return new long[] {counted.getLong(1), counted.getLong(2), failed.getLong(1)};
                }
            }
        });
        long[] lag = query(publisher, "read the replication lag of", connection -> {
            if (!hasSlot(connection, subscription)) {
                throw new SQLException("replication slot " + subscription + " is gone");
            }
            return new long[] {
                number(connection, SLOT_LAG, subscription).orElse(0L),
                number(connection, REPLAY_LAG, subscription).orElse(-1L)};
        });
        return new SyncState((int) tables[0], (int) tables[1], lag[0],
                lag[1] < 0 ? Optional.empty() : Optional.of(lag[1]), tables[2]);
    }

    @Override
    public boolean hasSlot(DatabaseEndpoint publisher, String slot) {
        return query(publisher, "read the slots of", connection -> hasSlot(connection, slot));
    }

    private static boolean hasSlot(Connection connection, String slot) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?", slot);
    }

    @Override
    public void vacuumAnalyze(DatabaseEndpoint subscriber) {
        execute(subscriber, "vacuum and analyse", "VACUUM (ANALYZE)");
    }

    @Override
    public String currentPosition(DatabaseEndpoint publisher) {
        return query(publisher, "read the log position of", connection -> text(connection, "SELECT pg_current_wal_lsn()::text"));
    }

    @Override
    public boolean confirmedUpTo(DatabaseEndpoint publisher, String slot, String position) {
        return query(publisher, "read the slot of", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CONFIRMED)) {
                statement.setString(1, position);
                statement.setString(2, slot);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        });
    }

    @Override
    public String schemaDigest(DatabaseEndpoint server) {
        return query(server, "read the schema of", connection -> text(connection, SCHEMA_DIGEST));
    }

    @Override
    public List<SequenceValue> sequences(DatabaseEndpoint server) {
        return query(server, "read the sequences of", connection -> {
            List<SequenceValue> values = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(SEQUENCES)) {
                while (result.next()) {
                    values.add(new SequenceValue(result.getString(1), result.getLong(2)));
                }
            }
            return values;
        });
    }

    @Override
    public void setSequences(DatabaseEndpoint server, List<SequenceValue> values) {
        query(server, "set the sequences of", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                for (SequenceValue value : values) {
                    statement.setString(1, value.name());
                    statement.setLong(2, value.lastValue());
                    statement.execute();
                }
            }
            return null;
        });
    }

    /** Detached from its slot first: dropping it must not depend on the publisher, which may be stopped. */
    @Override
    public boolean dropSubscription(DatabaseEndpoint subscriber, String subscription) {
        return query(subscriber, "drop the subscription of", connection -> {
            if (!exists(connection, "SELECT 1 FROM pg_subscription WHERE subname = ?", subscription)) {
                return false;
            }
            String name = Jdbc.quoted(subscription);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER SUBSCRIPTION " + name + " DISABLE");
                statement.execute("ALTER SUBSCRIPTION " + name + " SET (slot_name = NONE)");
                statement.execute("DROP SUBSCRIPTION " + name);
            }
            return true;
        });
    }

    /** A disabled subscription's sender ends within moments; it is ended here, should it linger. */
    @Override
    public boolean dropSlot(DatabaseEndpoint publisher, String slot) {
        return query(publisher, "drop the replication slot of", connection -> {
            if (!hasSlot(connection, slot)) {
                return false;
            }
            try (PreparedStatement end = connection.prepareStatement("""
                    SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = ? AND active""");
                 PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                end.setString(1, slot);
                end.execute();
                drop.setString(1, slot);
                dropOnceInactive(drop);
            }
            return true;
        });
    }

    private static void dropOnceInactive(PreparedStatement drop) throws SQLException {
        Poll.every(SLOT_RELEASE_POLL, SLOT_RELEASE_TIMEOUT).until(() -> dropped(drop), Boolean::booleanValue,
                stillActive -> new SQLException("the replication slot is still in use after " + SLOT_RELEASE_TIMEOUT,
                        OBJECT_IN_USE),
                interrupted -> new SQLException("interrupted while a replication slot was released", interrupted));
    }

    /** False while the slot is still in use: the WAL sender just terminated has not exited yet. */
    private static boolean dropped(PreparedStatement drop) throws SQLException {
        try {
            drop.execute();
            return true;
        } catch (SQLException active) {
            if (!OBJECT_IN_USE.equals(active.getSQLState())) {
                throw active;
            }
            return false;
        }
    }

    @Override
    public boolean dropPublication(DatabaseEndpoint publisher, String publication) {
        return query(publisher, "drop the publication of", connection -> {
            if (!exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?", publication)) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP PUBLICATION " + Jdbc.quoted(publication));
            }
            return true;
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static <T> T query(DatabaseEndpoint endpoint, String what, Work<T> work) {
        try (Connection connection = Jdbc.connect(endpoint)) {
            return work.on(connection);
        } catch (SQLException e) {
            throw Jdbc.failure(what, endpoint, e);
        }
    }

    private static void execute(DatabaseEndpoint endpoint, String what, String sql) {
        query(endpoint, what, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String text(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Optional<Long> number(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                long value = result.getLong(1);
                return result.wasNull() ? Optional.empty() : Optional.of(value);
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
