package dev.upshift.orchestrator.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import dev.upshift.orchestrator.api.DatabaseCompatibility;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ColumnUse;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ReplicationSlot;
import dev.upshift.orchestrator.api.LogicalReplicationReadiness;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.testbed.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 0.5's reads against a real PostgreSQL 15 of the test bed that has each problem, made by the test: the server allows
 * prepared transactions and preloads a library PostgreSQL 17 no longer ships (old_snapshot); each test works in a
 * database of its own and leaves no cluster-wide object behind.
 */
class JdbcCompatibilityTest {

    private static PostgresServer server;

    private final JdbcDatabaseInspector inspector = new JdbcDatabaseInspector();

    @BeforeAll
    static void startAServerWithPreparedTransactionsAndAPreloadedLibrary() {
        server = PostgresServer.start("upshift-testbed/postgres:15", "-c", "max_prepared_transactions=5",
                "-c", "shared_preload_libraries=old_snapshot");
    }

    @AfterAll
    static void removeTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenAFreshDatabaseWhenReadThenNothingIsFoundAndItsSettingsAreTheImagesInitdbs() throws SQLException {
        DatabaseCompatibility fresh = inspector.compatibility(endpoint(database("fresh")));

        assertThat(fresh.majorVersion()).isEqualTo(15);
        assertThat(fresh.database().encoding()).isEqualTo("UTF8");
        assertThat(fresh.database().collate()).isEqualTo("en_US.UTF-8");
        assertThat(fresh.preparedTransactions()).isEmpty();
        assertThat(fresh.regTypeColumns()).isEmpty();
        assertThat(fresh.md5Roles()).isEmpty();
        assertThat(fresh.replicationSlots()).isEmpty();
        assertThat(fresh.collationMismatches()).isEmpty();
        assertThat(fresh.extensions()).extracting(extension -> extension.name()).containsExactly("plpgsql");
        assertThat(fresh.logical()).isEqualTo(new LogicalReplicationReadiness("replica", 10, 10, 0, List.of(), List.of(), 0, 0));
    }

    @Test
    void givenTablesWithAndWithoutAReplicaIdentityWhenReadThenThoseWithNeitherKeyNorIdentityAreListed() throws SQLException {
        String database = database("identities");
        sql(database, "CREATE SCHEMA reports",
                "CREATE TABLE keyed (id int PRIMARY KEY)",
                "CREATE TABLE bare (id int, note text)",
                "CREATE TABLE whole_row (id int)", "ALTER TABLE whole_row REPLICA IDENTITY FULL",
                "CREATE TABLE by_index (code text NOT NULL)", "CREATE UNIQUE INDEX by_index_code ON by_index (code)",
                "ALTER TABLE by_index REPLICA IDENTITY USING INDEX by_index_code",
                "CREATE TABLE keyed_but_nothing (id int PRIMARY KEY)", "ALTER TABLE keyed_but_nothing REPLICA IDENTITY NOTHING",
                "CREATE TABLE reports.\"Daily\" (day date)",
                "CREATE UNLOGGED TABLE sessions (token text)");

        LogicalReplicationReadiness logical = inspector.compatibility(endpoint(database)).logical();

        assertThat(logical.tablesWithoutIdentity()).containsExactly("public.bare", "public.keyed_but_nothing",
                "public.sessions", "reports.\"Daily\"");
        assertThat(logical.unloggedTables()).containsExactly("public.sessions");
    }

    @Test
    void givenLargeObjectsAndSequencesWhenReadThenTheyAreCounted() throws SQLException {
        String database = database("blobs");
        sql(database, "CREATE TABLE documents (id bigserial PRIMARY KEY, n int GENERATED ALWAYS AS IDENTITY)",
                "CREATE SEQUENCE invoice_numbers", "SELECT lo_create(0)", "SELECT lo_from_bytea(0, 'scan')");

        LogicalReplicationReadiness logical = inspector.compatibility(endpoint(database)).logical();

        assertThat(logical.largeObjects()).isEqualTo(2);
        assertThat(logical.sequences()).isEqualTo(3);
    }

    @Test
    void givenAReplicationConnectionWhenReadThenItsWalSenderIsCountedInUse() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", server.password());
        properties.setProperty("replication", "database");
        properties.setProperty("assumeMinServerVersion", "9.4");
        properties.setProperty("preferQueryMode", "simple");
        try (Connection walSender = DriverManager.getConnection(server.url(), properties)) {
            assertThat(walSender.isValid(5)).isTrue();

            assertThat(inspector.compatibility(endpoint(database("senders"))).logical().walSendersInUse()).isEqualTo(1);
        }
    }

    @Test
    void givenRegTypeColumnsWhenReadThenThoseOfTheTypesPgUpgradeRefusesAreListedAndRegclassIsNot() throws SQLException {
        String database = database("regs");
        sql(database, "CREATE DOMAIN handler AS regprocedure",
                "CREATE TABLE hooks (id int, handler regproc, operators regoper[], via handler, target regclass, "
                        + "owner regrole, kind regtype)");

        assertThat(inspector.compatibility(endpoint(database)).regTypeColumns()).containsExactly(
                new ColumnUse("public.hooks", "handler", "regproc"),
                new ColumnUse("public.hooks", "operators", "regoper[]"),
                new ColumnUse("public.hooks", "via", "handler"));
    }

    @Test
    void givenAnAclitemColumnWhenReadThenItIsListed() throws SQLException {
        String database = database("acls");
        sql(database, "CREATE TABLE grants (id int, acl aclitem[])");

        assertThat(inspector.compatibility(endpoint(database)).aclitemColumns())
                .containsExactly(new ColumnUse("public.grants", "acl", "aclitem[]"));
    }

    @Test
    void givenAPreparedTransactionWhenReadThenItIsListedWithItsDatabaseAndOwner() throws SQLException {
        String database = database("prepared");
        sql(database, "CREATE TABLE invoices (id int)", "BEGIN", "INSERT INTO invoices VALUES (7)",
                "PREPARE TRANSACTION 'invoice-7'");
        try {
            assertThat(inspector.compatibility(endpoint(database)).preparedTransactions()).singleElement()
                    .asString().startsWith("'invoice-7' in prepared (owner postgres, prepared 20");
        } finally {
            sql(database, "ROLLBACK PREPARED 'invoice-7'");
        }
    }

    @Test
    void givenARoleWithAnMd5PasswordWhenReadThenItIsNamedAndAScramOneIsNot() throws SQLException {
        String database = database("passwords");
        sql(database, "SET password_encryption = 'md5'", "CREATE ROLE legacy_app LOGIN PASSWORD 'legacy-secret'",
                "SET password_encryption = 'scram-sha-256'", "CREATE ROLE modern_app LOGIN PASSWORD 'modern-secret'");
        try {
            assertThat(inspector.compatibility(endpoint(database)).md5Roles()).containsExactly("legacy_app");
        } finally {
            sql(database, "DROP ROLE legacy_app", "DROP ROLE modern_app");
        }
    }

    @Test
    void givenAReplicationSlotWhenReadThenItIsListedWithItsType() throws SQLException {
        String database = database("slots");
        sql(database, "SELECT pg_create_physical_replication_slot('standby_1')");
        try {
            assertThat(inspector.compatibility(endpoint(database)).replicationSlots())
                    .containsExactly(new ReplicationSlot("standby_1", "physical", null));
        } finally {
            sql(database, "SELECT pg_drop_replication_slot('standby_1')");
        }
    }

    @Test
    void givenAPreloadedLibraryWhenReadThenItIsListedByItsFileName() throws SQLException {
        assertThat(inspector.compatibility(endpoint(database("preload"))).preloadLibraries()).containsExactly("old_snapshot");
    }

    @Test
    void givenARecordedCollationVersionThatIsNotTheCLibrarysWhenReadThenTheMismatchIsListed() throws SQLException {
        String database = database("drift");
        // as if the database had been created under an older glibc
        sql("postgres", "UPDATE pg_database SET datcollversion = '2.31' WHERE datname = 'drift'");
        try {
            DatabaseCompatibility drift = inspector.compatibility(endpoint(database));

            assertThat(drift.collationVersion()).isEqualTo("2.36");
            assertThat(drift.collationMismatches()).containsExactly("database drift recorded 2.31, now 2.36");
        } finally {
            sql("postgres", "UPDATE pg_database SET datcollversion = '2.36' WHERE datname = 'drift'");
        }
    }

    @Test
    void givenIndexesOnTextColumnsWhenReadThenThoseCollatedByTheCLibraryAreListed() throws SQLException {
        String database = database("indexed");
        sql(database, "CREATE TABLE people (id int UNIQUE, name text UNIQUE, code text COLLATE \"C\" UNIQUE, "
                + "nick varchar(20) COLLATE \"en_US\")", "CREATE INDEX people_nick ON people (nick)",
                "CREATE INDEX people_lower_name ON people (lower(name))");

        assertThat(inspector.compatibility(endpoint(database)).collatableIndexes())
                .containsExactly("public.people_lower_name", "public.people_name_key", "public.people_nick");
    }

    @Test
    void givenAServerWithoutChecksumsWhenReadThenChecksumsAreOff() throws SQLException {
        assertThat(inspector.compatibility(endpoint(database("checksums"))).database().dataChecksums()).isFalse();
    }

    private static String database(String name) throws SQLException {
        sql("postgres", "CREATE DATABASE " + name);
        return name;
    }

    private static void sql(String database, String... statements) throws SQLException {
        String url = server.url().replaceFirst("/postgres$", "/" + database);
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static DatabaseEndpoint endpoint(String database) {
        return new DatabaseEndpoint(server.host(), 5432, database, server.user(), server.password());
    }
}
