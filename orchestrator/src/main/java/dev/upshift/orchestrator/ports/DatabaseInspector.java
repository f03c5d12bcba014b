package dev.upshift.orchestrator.ports;

import dev.upshift.orchestrator.api.Baseline;

/** Reads facts from a live PostgreSQL server. */
public interface DatabaseInspector {

    /**
     * Runbook 0.1: server version, database size, every table of every non-system schema with its exact
     * row count, extensions with versions, roles (without the pg_ ones) with their attributes, and the
     * {@code alembic_version} when that table exists.
     */
    Baseline inspect(DatabaseEndpoint endpoint);
}
