package dev.upshift.orchestrator.api;

import java.util.Arrays;
import java.util.Optional;

/** How the data reaches the new major version. */
public enum UpgradeMethod {
    DUMP_RESTORE("dump-restore"),
    PG_UPGRADE("pg-upgrade"),
    /** The new server beside the old one, filled and kept current by logical replication; the switch is the downtime. */
    LOGICAL("logical");

    private final String label;

    UpgradeMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<UpgradeMethod> fromLabel(String label) {
        return Arrays.stream(values()).filter(method -> method.label.equals(label)).findFirst();
    }
}
