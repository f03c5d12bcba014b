package dev.upshift.shell.commands;

import java.sql.SQLException;

import dev.upshift.audit.store.StoreUnavailable;
import dev.upshift.audit.store.StoreUrl;

/**
 * An unexpected failure as one line an operator understands: what could not be done, when Upshift knows, and why
 * in the words of the innermost cause — never a bean's or an exception's name; the trace goes to the log file.
 */
public final class FailureLine {

    public static String of(Throwable failure) {
        String reason = StoreUrl.masked(firstLine(explainingCause(failure).getMessage()));
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailable store) {
                return store.getMessage() + ": " + reason;
            }
        }
        return reason;
    }

    /** Where a database failed, the driver's words (they say more than the socket error beneath); else the root cause. */
    private static Throwable explainingCause(Throwable failure) {
        Throwable root = failure;
        Throwable innermostSqlError = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            root = cause;
            if (cause instanceof SQLException) {
                innermostSqlError = cause;
            }
        }
        return innermostSqlError != null ? innermostSqlError : root;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        return text.isEmpty() ? "an unexpected failure" : text.lines().findFirst().orElseThrow();
    }

    private FailureLine() {
    }
}
