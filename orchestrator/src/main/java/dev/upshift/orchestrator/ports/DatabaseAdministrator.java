package dev.upshift.orchestrator.ports;

import java.util.List;

/** The changes Upshift makes inside a PostgreSQL server, as its superuser. */
public interface DatabaseAdministrator {

    /**
     * Fences the endpoint's database: new connections of every role but superusers refused (connection limit 0)
     * and the open sessions of other roles ended.
     */
    Fence fence(DatabaseEndpoint endpoint);

    /** Gives the database back its connection limit. */
    void liftFence(DatabaseEndpoint endpoint, int connectionLimit);

    /**
     * Rows inserted, updated and deleted in the database's tables since the server started, as its statistics
     * count them: equal before and after a dump, nothing was written in between.
     */
    long writeCounter(DatabaseEndpoint endpoint);

    /** Drops the database if it exists and creates it empty, owned by the given role (a restore starts there). */
    void recreateDatabase(DatabaseEndpoint maintenance, String database, String owner);

    void analyze(DatabaseEndpoint endpoint);

    /** Updates every extension the server has a newer version of; says which, as "name old → new". */
    List<String> updateExtensions(DatabaseEndpoint endpoint);

    /** @param previousConnectionLimit what to give back when the fence is lifted (-1: no limit) */
    record Fence(int previousConnectionLimit, int terminatedSessions) {
    }
}
