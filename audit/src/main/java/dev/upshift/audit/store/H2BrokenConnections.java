package dev.upshift.audit.store;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to throw away an H2 connection that can never work again. With the default H2 store
 * ({@code AUTO_SERVER}) the process that opened the file serves it to the others; when it exits, a connection of
 * another process that was inside a transaction is not reconnected by H2 (only connections in auto-commit are) and
 * answers every later call with 90067 (connection broken) or 90121 (database closed). Those codes are not SQL state
 * class 08, so Hikari kept such connections and handed them out again and again: the process could never write to
 * the store again (docs/decisions.md, "The H2 store's hand-over"). PostgreSQL reports no such codes.
 */
public final class H2BrokenConnections implements SQLExceptionOverride {

    /** CONNECTION_BROKEN_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN in {@code org.h2.api.ErrorCode}. */
    private static final Set<Integer> BROKEN = Set.of(90067, 90098, 90121);

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return BROKEN.contains(failure.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
