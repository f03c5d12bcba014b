package dev.upshift.orchestrator.adapters.jdbc;

/** The server could not be reached or could not answer an inspection query; the message never holds a password. */
public class DatabaseInspectionFailed extends RuntimeException {

    private final String sqlState;

    DatabaseInspectionFailed(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The server's (or driver's) SQLSTATE, e.g. 28P01 for a wrong password, 08001 when nothing answers; may be null. */
    public String sqlState() {
        return sqlState;
    }
}
