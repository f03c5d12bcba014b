package dev.upshift.orchestrator.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import org.postgresql.ds.PGSimpleDataSource;

/** Connections and failures shared by the JDBC adapters; no password ever leaves here in a message. */
final class Jdbc {

    private static final String APPLICATION_NAME = "upshift";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private Jdbc() {
    }

    static Connection connect(DatabaseEndpoint endpoint) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {endpoint.host()});
        dataSource.setPortNumbers(new int[] {endpoint.port()});
        dataSource.setDatabaseName(endpoint.database());
        dataSource.setUser(endpoint.user());
        dataSource.setPassword(endpoint.password());
        dataSource.setApplicationName(APPLICATION_NAME);
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return dataSource.getConnection();
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The endpoint's toString is password-free; the driver's text is scrubbed too, and dropped as cause if it held it. */
    static DatabaseInspectionFailed failure(String what, DatabaseEndpoint endpoint, SQLException e) {
        String password = endpoint.password();
        String detail = PasswordScrubber.scrub(String.valueOf(e.getMessage()), password).strip().replaceAll("\\s+", " ");
        String message = "could not " + what + " " + endpoint + ": " + detail
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
        return new DatabaseInspectionFailed(message, e.getSQLState(), PasswordScrubber.mentions(e, password) ? null : e);
    }
}
