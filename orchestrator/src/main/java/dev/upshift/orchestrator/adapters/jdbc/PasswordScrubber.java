package dev.upshift.orchestrator.adapters.jdbc;

import java.sql.SQLException;

/** Keeps a password out of messages built from driver errors: the driver should never echo it, this makes sure. */
final class PasswordScrubber {

    static final String MASK = "********";
    /** Shorter strings occur inside ordinary words; masking them would garble the message without hiding anything. */
    private static final int SHORTEST_MASKED = 4;

    static String scrub(String text, String password) {
        if (text == null || password == null || password.length() < SHORTEST_MASKED) {
            return text;
        }
        return text.replace(password, MASK);
    }

    /** True when the error, a cause or a chained SQL error mentions the password anywhere in its text. */
    static boolean mentions(Throwable error, String password) {
        if (password == null || password.length() < SHORTEST_MASKED) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t).contains(password)
                    || t instanceof SQLException sql && sql.getNextException() != null
                    && mentions(sql.getNextException(), password)) {
                return true;
            }
        }
        return false;
    }

    private PasswordScrubber() {
    }
}
