package dev.upshift.audit.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Columns that read models gained after their tables were first released ({@code db/projections.sql} creates them in
 * a new store): added to an older store's table where missing; {@code upshift rebuild} fills them. Looked up first
 * because an {@code ALTER TABLE}, even one that adds nothing, locks the table against every reader on PostgreSQL.
 */
final class AddedColumns {

    private static final List<Column> ADDED = List.of(
            new Column("upgrade_status", "current_image", "VARCHAR(300)"),
            new Column("upgrade_status", "current_version", "VARCHAR(100)"),
            new Column("upgrade_status", "runner", "VARCHAR(300)"),
            new Column("upgrade_status", "engine", "VARCHAR(300)"),
            new Column("upgrade_status", "expected_downtime_millis", "BIGINT"),
            new Column("upgrade_status", "windows", "VARCHAR"),
            new Column("upgrade_status", "downtime_window", "VARCHAR(300)"),
            new Column("upgrade_status", "downtime_starts_at", "TIMESTAMP WITH TIME ZONE"),
            new Column("upgrade_status", "window_closes_at", "TIMESTAMP WITH TIME ZONE"),
            new Column("upgrade_status", "expected_downtime_ms", "BIGINT"),
            new Column("upgrade_status", "expected_downtime_source", "VARCHAR(20)"));

    private AddedColumns() {
    }

    static void addMissing(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Column column : ADDED) {
                if (!exists(connection.getMetaData(), column)) {
                    statement.execute("ALTER TABLE " + column.table() + " ADD COLUMN " + column.name() + " " + column.type());
                }
            }
        }
    }

    private static boolean exists(DatabaseMetaData database, Column column) throws SQLException {
        boolean upper = database.storesUpperCaseIdentifiers();
        try (ResultSet found = database.getColumns(null, null, identifier(column.table(), upper),
                identifier(column.name(), upper))) {
            return found.next();
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    private static String identifier(String name, boolean upper) {
        return upper ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** Names and types are this class's constants, never input. */
    private record Column(String table, String name, String type) {
    }
}
