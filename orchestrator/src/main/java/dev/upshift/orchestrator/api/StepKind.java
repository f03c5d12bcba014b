package dev.upshift.orchestrator.api;

import java.util.Set;

/**
 * What a runbook step does; {@link Step} adds its number and, for per-service steps, the service. A kind belongs to
 * the runbook of every method unless it names the methods whose runbooks it belongs to.
 */
public enum StepKind {
    INSPECT(Phase.PREFLIGHT, "Verify current environment (baseline)"),
    DISK_SPACE(Phase.PREFLIGHT, "Check free disk space"),
    SERVICE_HEALTH(Phase.PREFLIGHT, "Verify services are healthy"),
    TARGET_COMPATIBILITY(Phase.PREFLIGHT, "Check the target image"),
    COMPATIBILITY(Phase.PREFLIGHT, "Check compatibility with the target"),
    UPGRADE_IMAGE(Phase.PREFLIGHT, "Check the upgrade image and the cluster's settings", UpgradeMethod.PG_UPGRADE),
    UPGRADE_CHECK(Phase.PREFLIGHT, "Run pg_upgrade --check on a copy of the cluster", UpgradeMethod.PG_UPGRADE),
    CUSTOM_DUMP(Phase.BACKUP, "Create full database backup (custom format)"),
    SQL_DUMP(Phase.BACKUP, "Create SQL backup"),
    ROLES_DUMP(Phase.BACKUP, "Back up roles"),
    VERIFY_BACKUP(Phase.BACKUP, "Verify backup integrity"),
    UPDATE_COMPOSE_FILE(Phase.PREPARE, "Update the compose file", UpgradeMethod.DUMP_RESTORE, UpgradeMethod.PG_UPGRADE),
    PULL_IMAGE(Phase.PREPARE, "Make the new image present"),
    LOGICAL_DECODING(Phase.PREPARE, "Let the old server decode logically (wal_level)", UpgradeMethod.LOGICAL),
    BUILD_REPLICA(Phase.PREPARE, "Start the new server beside the old one: roles, schema, subscription", UpgradeMethod.LOGICAL),
    CATCH_UP(Phase.PREPARE, "Copy the data and follow the changes until caught up", UpgradeMethod.LOGICAL),
    STOP_DEPENDENTS(Phase.EXECUTE, "Stop dependents, fence the database, take the final dump", UpgradeMethod.DUMP_RESTORE),
    FENCE_DATABASE(Phase.EXECUTE, "Stop dependents, fence the database, count its rows", UpgradeMethod.PG_UPGRADE,
            UpgradeMethod.LOGICAL),
    DRAIN_REPLICA(Phase.EXECUTE, "Let the last changes arrive, carry the sequences over, end the replication",
            UpgradeMethod.LOGICAL),
    SWITCH_COMPOSE_FILE(Phase.EXECUTE, "Update the compose file", UpgradeMethod.LOGICAL),
    STOP_DATABASE(Phase.EXECUTE, "Stop the database"),
    SNAPSHOT_VOLUME(Phase.EXECUTE, "Snapshot the volume", UpgradeMethod.DUMP_RESTORE, UpgradeMethod.PG_UPGRADE),
    REMOVE_OLD_CONTAINER(Phase.EXECUTE, "Set the old container aside (renamed, stopped, kept)"),
    START_NEW_DATABASE(Phase.EXECUTE, "Start the new server and restore the final dump", UpgradeMethod.DUMP_RESTORE),
    UPGRADE_CLUSTER(Phase.EXECUTE, "Upgrade the cluster with pg_upgrade", UpgradeMethod.PG_UPGRADE),
    START_UPGRADED_DATABASE(Phase.EXECUTE, "Start the new server on the upgraded cluster", UpgradeMethod.PG_UPGRADE),
    PROMOTE_REPLICA(Phase.EXECUTE, "Start the new server as the service on the replica's volume", UpgradeMethod.LOGICAL),
    VERIFY_VERSION(Phase.EXECUTE, "Verify the new server version"),
    VERIFY_INTEGRITY(Phase.EXECUTE, "Verify data integrity"),
    REBUILD_COLLATED_INDEXES(Phase.EXECUTE, "Rebuild the indexes a new C library sorts differently", UpgradeMethod.PG_UPGRADE),
    START_SERVICE(Phase.RESTORE_SERVICES, "Start %s"),
    ALL_SERVICES_RUNNING(Phase.RESTORE_SERVICES, "Verify all services running"),
    HEALTH_PROBES(Phase.VALIDATE, "Health probes"),
    REBUILD_STATISTICS(Phase.VALIDATE, "ANALYZE and update extensions"),
    SMOKE_QUERIES(Phase.VALIDATE, "Smoke queries"),
    REMOVE_KEPT_CONTAINER(Phase.VALIDATE, "Remove the old container set aside in Phase 3"),
    REMOVE_OLD_SERVER(Phase.CLEANUP, "Remove the kept old container and the old image"),
    REMOVE_OLD_DATA(Phase.CLEANUP, "Remove the old volume and the backups"),
    STOP_STARTED_DEPENDENTS(Phase.ROLLBACK, "Stop the dependents started on the new version"),
    REMOVE_NEW_DATABASE(Phase.ROLLBACK, "Stop and remove the new container (keep its volume)"),
    REVERT_COMPOSE_FILE(Phase.ROLLBACK, "Revert the compose file"),
    REMOVE_REPLICA(Phase.ROLLBACK, "Remove the replica container and the replication (keep its volume)"),
    RESTORE_OLD_CLUSTER(Phase.ROLLBACK, "Give the old cluster back its control file (link)"),
    RECREATE_OLD_DATABASE(Phase.ROLLBACK, "Recreate the old container from its recorded spec"),
    RESTORE_OLD_VERSION(Phase.ROLLBACK, "Restore the old version from the dump into a fresh volume"),
    LIFT_FENCE(Phase.ROLLBACK, "Lift the fence"),
    VERIFY_OLD_DATABASE(Phase.ROLLBACK, "Verify the old version and its data"),
    RESTART_DEPENDENTS(Phase.ROLLBACK, "Start the dependents again");

    private final Phase phase;
    private final String title;
    private final Set<UpgradeMethod> onlyFor;

    /** @param onlyFor the methods whose runbook has the step; none: every method's */
    StepKind(Phase phase, String title, UpgradeMethod... onlyFor) {
        this.phase = phase;
        this.title = title;
        this.onlyFor = Set.of(onlyFor);
    }

    public Phase phase() {
        return phase;
    }

    public boolean belongsTo(UpgradeMethod method) {
        return onlyFor.isEmpty() || onlyFor.contains(method);
    }

    /** The step that stops the dependents starts the downtime, whichever the method. */
    public boolean startsDowntime() {
        return this == STOP_DEPENDENTS || this == FENCE_DATABASE;
    }

    String title(String service) {
        return title.formatted(service);
    }
}
