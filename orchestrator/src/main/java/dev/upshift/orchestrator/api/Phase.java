package dev.upshift.orchestrator.api;

/** The runbook's phases, numbered as in the runbook. */
public enum Phase {
    PREFLIGHT(0, "Pre-flight checks"),
    BACKUP(1, "Backup (online)"),
    PREPARE(2, "Prepare for upgrade"),
    EXECUTE(3, "Execute upgrade (downtime)"),
    RESTORE_SERVICES(4, "Restore services"),
    VALIDATE(5, "Post-upgrade validation"),
    CLEANUP(6, "Cleanup (scheduled)");

    private final int number;
    private final String title;

    Phase(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }
}
