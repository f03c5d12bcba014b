package dev.upshift.orchestrator.api;

import java.util.List;

/**
 * What the database looked like before the upgrade (runbook 0.1): the facts the integrity check
 * compares against.
 *
 * @param migrationVersion the application's schema migration ({@code alembic_version}), or null if it has none
 */
public record Baseline(
        String serverVersion,
        int serverVersionNumber,
        String database,
        long databaseSizeBytes,
        List<TableRows> tables,
        List<ExtensionVersion> extensions,
        List<RoleAttributes> roles,
        String migrationVersion) {

    public Baseline {
        tables = List.copyOf(tables);
        extensions = List.copyOf(extensions);
        roles = List.copyOf(roles);
    }

    public int majorVersion() {
        return serverVersionNumber / 10_000;
    }

    public long rowsOf(String table) {
        return tables.stream().filter(t -> t.name().equals(table)).mapToLong(TableRows::rows).findFirst().orElse(-1);
    }

    public record TableRows(String schema, String name, long rows) {
    }

    public record ExtensionVersion(String name, String version) {
    }

    public record RoleAttributes(String name, List<String> attributes) {

        public RoleAttributes {
            attributes = List.copyOf(attributes);
        }
    }
}
