package dev.upshift.orchestrator.api;

/** What a runbook step does; {@link Step} adds its number and, for per-service steps, the service. */
public enum StepKind {
    INSPECT(Phase.PREFLIGHT, "Verify current environment (baseline)"),
    DISK_SPACE(Phase.PREFLIGHT, "Check free disk space"),
    SERVICE_HEALTH(Phase.PREFLIGHT, "Verify services are healthy"),
    TARGET_COMPATIBILITY(Phase.PREFLIGHT, "Check the target image"),
    CUSTOM_DUMP(Phase.BACKUP, "Create full database backup (custom format)"),
    SQL_DUMP(Phase.BACKUP, "Create SQL backup"),
    ROLES_DUMP(Phase.BACKUP, "Back up roles"),
    VERIFY_BACKUP(Phase.BACKUP, "Verify backup integrity"),
    UPDATE_COMPOSE_FILE(Phase.PREPARE, "Update the compose file"),
    PULL_IMAGE(Phase.PREPARE, "Make the new image present"),
    STOP_DEPENDENTS(Phase.EXECUTE, "Stop dependents, fence the database, take the final dump"),
    STOP_DATABASE(Phase.EXECUTE, "Stop the database"),
    SNAPSHOT_VOLUME(Phase.EXECUTE, "Snapshot the volume"),
    REMOVE_OLD_CONTAINER(Phase.EXECUTE, "Remove the old container (keep the volume)"),
    START_NEW_DATABASE(Phase.EXECUTE, "Start the new server and restore the final dump"),
    VERIFY_VERSION(Phase.EXECUTE, "Verify the new server version"),
    VERIFY_INTEGRITY(Phase.EXECUTE, "Verify data integrity"),
    START_SERVICE(Phase.RESTORE_SERVICES, "Start %s"),
    ALL_SERVICES_RUNNING(Phase.RESTORE_SERVICES, "Verify all services running"),
    HEALTH_PROBES(Phase.VALIDATE, "Health probes"),
    REBUILD_STATISTICS(Phase.VALIDATE, "ANALYZE and update extensions"),
    SMOKE_QUERIES(Phase.VALIDATE, "Smoke queries"),
    STOP_STARTED_DEPENDENTS(Phase.ROLLBACK, "Stop the dependents started on the new version"),
    REMOVE_NEW_DATABASE(Phase.ROLLBACK, "Stop and remove the new container (keep its volume)"),
    REVERT_COMPOSE_FILE(Phase.ROLLBACK, "Revert the compose file"),
    RECREATE_OLD_DATABASE(Phase.ROLLBACK, "Recreate the old container from its recorded spec"),
    LIFT_FENCE(Phase.ROLLBACK, "Lift the fence"),
    VERIFY_OLD_DATABASE(Phase.ROLLBACK, "Verify the old version and its data"),
    RESTART_DEPENDENTS(Phase.ROLLBACK, "Start the dependents again");

    private final Phase phase;
    private final String title;

    StepKind(Phase phase, String title) {
        this.phase = phase;
        this.title = title;
    }

    public Phase phase() {
        return phase;
    }

    String title(String service) {
        return title.formatted(service);
    }
}
