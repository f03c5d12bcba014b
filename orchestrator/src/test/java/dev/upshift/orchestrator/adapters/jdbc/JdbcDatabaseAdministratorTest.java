package dev.upshift.orchestrator.adapters.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.upshift.orchestrator.ports.DatabaseAdministrator.Fence;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.testbed.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a real PostgreSQL 17: the fence of step 3.1, the write counter that proves it held, and the empty
 * database that 3.5 restores into.
 */
class JdbcDatabaseAdministratorTest {

    private static final String APP_PASSWORD = "fence-app";
    // each test has its own database: the counter sums a database's tables, and a closed session's counts land late
    private static final String FENCED = "fenced";
    private static final String COUNTED = "counted";

    private static PostgresServer server;

    private final JdbcDatabaseAdministrator administrator = new JdbcDatabaseAdministrator();

    @BeforeAll
    static void startAServerWithAnApplicationRole() throws SQLException {
        server = PostgresServer.start();
        superuserExecute("CREATE ROLE app LOGIN PASSWORD '" + APP_PASSWORD + "'");
        superuserExecute("CREATE DATABASE " + FENCED + " OWNER app");
        superuserExecute("CREATE DATABASE " + COUNTED + " OWNER app");
        for (String database : new String[] {FENCED, COUNTED}) {
            try (Connection application = application(database); Statement statement = application.createStatement()) {
                statement.execute("CREATE TABLE notes (id serial PRIMARY KEY, body text)");
            }
        }
    }

    @AfterAll
    static void removeTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenAnApplicationSession_whenFenced_thenItIsEndedAndNoNewOneIsLetInUntilTheFenceIsLifted()
            throws SQLException {
        DatabaseEndpoint endpoint = endpoint(FENCED);
        try (Connection application = application(FENCED)) {
            Fence fence = administrator.fence(endpoint);

            assertThat(fence).isEqualTo(new Fence(-1, 1));
            assertThatThrownBy(() -> insertNote(application)).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> application(FENCED))
                .hasMessageContaining("too many connections for database \"" + FENCED + "\"");

        administrator.liftFence(endpoint, -1);

        try (Connection application = application(FENCED)) {
            insertNote(application);
        }
    }

    @Test
    void givenWritesOfAnotherSession_whenCountingWrites_thenTheCounterMovesByEachOfThem() throws Exception {
        DatabaseEndpoint endpoint = endpoint(COUNTED);
        long before = administrator.writeCounter(endpoint);

        try (Connection application = application(COUNTED)) {
            insertNote(application);
            insertNote(application);
        }

        assertThat(counterOnceSettled(endpoint)).isEqualTo(before + 2);
    }

    @Test
    void givenNoSuchDatabase_whenEmptying_thenItIsCreatedForTheOwner() throws SQLException {
        administrator.emptyDatabase(endpoint("postgres"), "absent", "app");

        assertThat(superuserAnswer("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'absent'"))
                .isEqualTo("app");
    }

    @Test
    void givenAnEmptyDatabaseOfTheOwner_whenEmptying_thenItIsKeptAsItIs() throws SQLException {
        superuserExecute("CREATE DATABASE fresh OWNER postgres");
        String before = oidOf("fresh");

        administrator.emptyDatabase(endpoint("postgres"), "fresh", server.user());

        assertThat(oidOf("fresh")).isEqualTo(before);
    }

    @Test
    void givenADatabaseHoldingATable_whenEmptying_thenItIsDroppedAndCreatedAgain() throws SQLException {
        superuserExecute("CREATE DATABASE restored_once OWNER app");
        try (Connection application = application("restored_once");
             Statement statement = application.createStatement()) {
            statement.execute("CREATE TABLE half_restored (id int)");
        }
        String before = oidOf("restored_once");

        administrator.emptyDatabase(endpoint("postgres"), "restored_once", "app");

        assertThat(oidOf("restored_once")).isNotEqualTo(before);
        try (Connection application = application("restored_once");
             Statement statement = application.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM half_restored"))
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void givenAnEmptyDatabaseOfAnotherRole_whenEmptying_thenItIsCreatedAgainForTheOwner() throws SQLException {
        superuserExecute("CREATE DATABASE foreign_owned OWNER postgres");

        administrator.emptyDatabase(endpoint("postgres"), "foreign_owned", "app");

        assertThat(superuserAnswer("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'foreign_owned'"))
                .isEqualTo("app");
    }

    private static String oidOf(String database) throws SQLException {
        return superuserAnswer("SELECT oid FROM pg_database WHERE datname = '" + database + "'");
    }

    private static String superuserAnswer(String query) throws SQLException {
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void superuserExecute(String sql) throws SQLException {
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A session's counts reach the statistics as its backend exits, a moment after the client closed it. */
    private long counterOnceSettled(DatabaseEndpoint endpoint) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long counter = administrator.writeCounter(endpoint);
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            long next = administrator.writeCounter(endpoint);
            if (next == counter && counter > 0) {
                return counter;
            }
            counter = next;
        }
        return counter;
    }

    private static void insertNote(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes (body) VALUES ('written by the application')");
        }
    }

    private static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), server.user(), server.password());
    }

    private static Connection application(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "app", APP_PASSWORD);
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + server.host() + ":5432/" + database;
    }

    private static DatabaseEndpoint endpoint(String database) {
        return new DatabaseEndpoint(server.host(), 5432, database, server.user(), server.password());
    }
}
