package dev.upshift.audit.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The role an auditor's Upshift logs in as (docs/operator-guide.md, "Read-only auditors"): it may read the store's
 * tables but neither append events nor create or alter a table.
 */
final class ReadOnlyRole {

    /**
     * An empty store is not read-only: its tables are yet to be created, and the database says whether the role may
     * ({@code to_regclass} is null for a missing table, and so is the privilege of a null table).
     */
    private static final String QUERY = "SELECT current_user, "
            + "COALESCE(NOT has_table_privilege(to_regclass('domainevententry'), 'INSERT'), false)";

    private ReadOnlyRole() {
    }

    /** The role's name when it may only read; H2's single user always writes. */
    static Optional<String> of(StoreKind kind, DataSource dataSource) throws SQLException {
        if (kind != StoreKind.POSTGRESQL) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet role = statement.executeQuery(QUERY)) {
            role.next();
            return role.getBoolean(2) ? Optional.of(role.getString(1)) : Optional.empty();
        }
    }
}
