package dev.upshift.orchestrator.ports;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.DatabaseCompatibility;

/** Reads facts from a live PostgreSQL server. */
public interface DatabaseInspector {

    /**
     * Runbook 0.1: server version, database size, every table of every non-system schema with its exact
     * row count, extensions with versions, roles (without the pg_ ones) with their attributes, and the
     * {@code alembic_version} when that table exists.
     */
    Baseline inspect(DatabaseEndpoint endpoint);

    /** The server's version as it reports it ("17.7"), and its major: one query, where {@link #inspect} counts every table. */
    ServerVersion serverVersion(DatabaseEndpoint endpoint);

    record ServerVersion(String version, int major) {
    }

    /** The cluster's encoding, locale and locale provider (as template0 has them) and its data checksums. */
    ClusterSettings clusterSettings(DatabaseEndpoint endpoint);

    /**
     * Runbook 0.5, read-only: what the upgrade must be compatible with — prepared transactions, columns of types
     * pg_upgrade refuses, md5 passwords, replication slots, preloaded libraries, extensions, collation versions and the
     * indexes that depend on the C library's collation.
     */
    DatabaseCompatibility compatibility(DatabaseEndpoint endpoint);
}
