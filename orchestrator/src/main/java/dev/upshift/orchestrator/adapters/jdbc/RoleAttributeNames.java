package dev.upshift.orchestrator.adapters.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A role's attributes named and ordered as psql's {@code \du} prints them, so operators recognise them. */
final class RoleAttributeNames {

    /** Reads one row of the query in {@link JdbcDatabaseInspector}, which selects these columns by name. */
    static List<String> of(ResultSet role) throws SQLException {
        List<String> attributes = new ArrayList<>();
        if (role.getBoolean("rolsuper")) {
            attributes.add("Superuser");
        }
        if (!role.getBoolean("rolinherit")) {
            attributes.add("No inheritance");
        }
        if (role.getBoolean("rolcreaterole")) {
            attributes.add("Create role");
        }
        if (role.getBoolean("rolcreatedb")) {
            attributes.add("Create DB");
        }
        if (!role.getBoolean("rolcanlogin")) {
            attributes.add("Cannot login");
        }
        if (role.getBoolean("rolreplication")) {
            attributes.add("Replication");
        }
        if (role.getBoolean("rolbypassrls")) {
            attributes.add("Bypass RLS");
        }
        int connectionLimit = role.getInt("rolconnlimit");
        if (connectionLimit >= 0) {
            attributes.add(connectionLimit == 1 ? "1 connection" : connectionLimit + " connections");
        }
        String validUntil = role.getString("valid_until_utc");
        if (validUntil != null) {
            attributes.add("Password valid until " + validUntil);
        }
        return attributes;
    }

    private RoleAttributeNames() {
    }
}
