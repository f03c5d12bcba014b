package dev.upshift.orchestrator.api;

/** The runbook's phases, numbered as in the runbook. */
public enum Phase {
    PREFLIGHT(0, "Pre-flight checks"),
    BACKUP(1, "Backup (online)"),
    PREPARE(2, "Prepare for upgrade"),
    EXECUTE(3, "Execute upgrade (downtime)"),
    RESTORE_SERVICES(4, "Restore services"),
    VALIDATE(5, "Post-upgrade validation"),
    CLEANUP(6, "Cleanup (scheduled)"),
    ROLLBACK(9, "Rollback");

    private final int number;
    private final String title;

    Phase(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    /** How its steps are numbered: "3" for Phase 3 (3.1, 3.2…), "R" for the rollback (R.1, R.2…). */
    public String prefix() {
        return this == ROLLBACK ? "R" : String.valueOf(number);
    }

    public String title() {
        return title;
    }
}
