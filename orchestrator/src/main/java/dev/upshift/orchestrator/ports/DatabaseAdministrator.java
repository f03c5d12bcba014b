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

    /**
     * Leaves the database empty and owned by the given role, for a restore to start there: creates it if it is
     * absent, drops and creates it again if it holds anything or has another owner, else leaves it as it is.
     */
    void emptyDatabase(DatabaseEndpoint maintenance, String database, String owner);

    /** True when the database's recorded collation version is not the one its server's library reports (15+). */
    boolean collationVersionChanged(DatabaseEndpoint endpoint);

    /**
     * Rebuilds every user index whose order the C library decides, then records the library's collation versions as
     * the database's and its collations' own; returns the indexes rebuilt, as quoted names.
     */
    List<String> rebuildCollatedIndexes(DatabaseEndpoint endpoint);

    /** Updates every extension the server has a newer version of; says which, as "name old → new". */
    List<String> updateExtensions(DatabaseEndpoint endpoint);

    /** @param previousConnectionLimit what to give back when the fence is lifted (-1: no limit) */
    record Fence(int previousConnectionLimit, int terminatedSessions) {
    }
}
