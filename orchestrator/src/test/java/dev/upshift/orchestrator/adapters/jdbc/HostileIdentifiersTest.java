package dev.upshift.orchestrator.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Baseline.RoleAttributes;
import dev.upshift.orchestrator.api.Baseline.TableRows;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.steps.PgCommands;
import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real PostgreSQL 17, names an application may well have — a quote, a semicolon, blanks, '=', unicode, the
 * full 63 bytes — in each place Upshift names them: baseline and row counts, the fence, the emptied database, pg_dump.
 */
class HostileIdentifiersTest {

    private static final String DATABASE = "we\"ird; db=1 'ü'";
    private static final String OWNER = "o'wner \"role\"";
    private static final String SCHEMA = "schéma ünï";
    private static final String TABLE = "we\"ird; tab le";
    // 31 two-byte letters and one more: NAMEDATALEN - 1, the longest name PostgreSQL keeps whole
    private static final String LONG_TABLE = "ü".repeat(31) + "x";

    private static PostgresServer server;

    private final JdbcDatabaseInspector inspector = new JdbcDatabaseInspector();
    private final JdbcDatabaseAdministrator administrator = new JdbcDatabaseAdministrator();

    @BeforeAll
    static void startAServerWithHostileNames() throws SQLException {
        server = PostgresServer.start();
        execute("postgres", "CREATE ROLE \"o'wner \"\"role\"\"\" LOGIN");
        // CREATE DATABASE runs outside any transaction, so in a statement of its own
        execute("postgres", "CREATE DATABASE \"we\"\"ird; db=1 'ü'\" OWNER \"o'wner \"\"role\"\"\"");
        execute(DATABASE, """
                CREATE SCHEMA "schéma ünï";
                CREATE TABLE "schéma ünï"."we""ird; tab le" (id int);
                INSERT INTO "schéma ünï"."we""ird; tab le" SELECT generate_series(1, 3);
                CREATE TABLE public.%s (id int);
                INSERT INTO public.%1$s VALUES (1), (2);""".formatted(LONG_TABLE));
    }

    @AfterAll
    static void removeTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenTheNamesNeedQuoting_whenInspecting_thenEveryTableIsCountedAndTheRoleListed() {
        Baseline baseline = inspector.inspect(endpoint(DATABASE));

        assertThat(LONG_TABLE.getBytes(StandardCharsets.UTF_8)).hasSize(63);
        assertThat(baseline.database()).isEqualTo(DATABASE);
        assertThat(baseline.tables()).containsExactly(
                new TableRows("public", LONG_TABLE, 2),
                new TableRows(SCHEMA, TABLE, 3));
        assertThat(baseline.roles()).extracting(RoleAttributes::name).contains(OWNER);
    }

    @Test
    void givenTheDatabaseNameNeedsQuoting_whenFencedAndLifted_thenItsOwnConnectionLimitChanges() throws SQLException {
        DatabaseEndpoint endpoint = endpoint(DATABASE);

        administrator.fence(endpoint);
        assertThat(connectionLimitOf(DATABASE)).isZero();

        administrator.liftFence(endpoint, -1);
        assertThat(connectionLimitOf(DATABASE)).isEqualTo(-1);
    }

    @Test
    void givenDatabaseAndOwnerNamesNeedQuoting_whenEmptying_thenItIsCreatedAgainForThatOwner() throws SQLException {
        String restored = "restored\"; db=2";
        execute("postgres", "CREATE DATABASE \"restored\"\"; db=2\"");
        execute(restored, "CREATE TABLE half_restored (id int)");

        administrator.emptyDatabase(endpoint("postgres"), restored, OWNER);

        assertThat(answer("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", restored)).isEqualTo(OWNER);
        assertThat(inspector.inspect(endpoint(restored)).tables()).isEmpty();
    }

    @Test
    void givenTheDatabaseNameHoldsAnEqualsSign_whenDumpedAsUpshiftNamesIt_thenTheDumpHoldsItsTables() {
        ExternalCommand.Result dump = server.exec("pg_dump", "-U", server.user(), "--schema-only",
                "-d", PgCommands.database(DATABASE));

        assertThat(dump.exitCode()).as(dump.describe()).isZero();
        assertThat(dump.stdout()).contains("CREATE TABLE \"schéma ünï\".\"we\"\"ird; tab le\"", LONG_TABLE);
    }

    @Test
    void givenTheDatabaseNameHoldsAnEqualsSign_whenGivenBare_thenPgDumpTakesItForAConnectionString() {
        ExternalCommand.Result dump = server.exec("pg_dump", "-U", server.user(), "--schema-only", "-d", DATABASE);

        assertThat(dump.exitCode()).isNotZero();
    }

    private static int connectionLimitOf(String database) throws SQLException {
        return Integer.parseInt(answer("SELECT datconnlimit FROM pg_database WHERE datname = ?", database));
    }

    private static String answer(String query, String parameter) throws SQLException {
        try (Connection connection = connect("postgres"); PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return Jdbc.connect(endpoint(database));
    }

    private static DatabaseEndpoint endpoint(String database) {
        return new DatabaseEndpoint(server.host(), 5432, database, server.user(), server.password());
    }
}
