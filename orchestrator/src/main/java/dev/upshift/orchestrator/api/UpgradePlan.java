package dev.upshift.orchestrator.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything an upgrade needs to know about the stack, read from the compose file and the running
 * containers when the upgrade is planned. It holds where the password is, never the password.
 *
 * @param stopOrder the dependents, most dependent first (the order they are stopped in)
 * @param dockerHost the address of the engine the upgrade acts on, or null for the default engine of whichever
 *        process drives it
 * @param upgradeImage for pg-upgrade: the image that holds the old and the new major's binaries, else null
 * @param transfer for pg-upgrade: how pg_upgrade moves the data files (copy, link), else null
 * @param snapshot what 3.3 does with the old volume: {@code keep} it untouched, or also {@code copy} it
 * @param windows the maintenance windows Phase 3 must start in, as {@link MaintenanceWindow#spec()}; none: any time
 */
public record UpgradePlan(
        String composeFile,
        String project,
        String service,
        String sourceImage,
        String targetImage,
        UpgradeMethod method,
        List<String> stopOrder,
        String backupDir,
        String volume,
        String dataDirectory,
        String database,
        String superuser,
        SecretSource password,
        String dockerHost,
        String upgradeImage,
        String transfer,
        String snapshot,
        List<String> windows) {

    /** The snapshot of 3.3: the old volume kept untouched (the new server gets a volume of its own). */
    public static final String KEEP = "keep";
    /** The snapshot of 3.3, and a physical copy of the old volume besides. */
    public static final String COPY = "copy";

    /** pg_upgrade's transfer by hard links: the new cluster shares the old one's data files. */
    public static final String LINK = "link";

    public UpgradePlan {
        stopOrder = List.copyOf(stopOrder);
        windows = List.copyOf(windows);
    }

    /**
     * True when the new cluster goes into the old volume, beside the old cluster: pg_upgrade's link, which needs
     * both on one mount (link() fails across mounts). The new server then gets no volume of its own.
     */
    public boolean upgradesInPlace() {
        return LINK.equals(transfer);
    }

    public List<MaintenanceWindow> maintenanceWindows() {
        return windows.stream().map(MaintenanceWindow::parse).toList();
    }

    /** Dependents in the order they are started again: the reverse of the stop order. */
    public List<String> startOrder() {
        List<String> order = new ArrayList<>(stopOrder);
        Collections.reverse(order);
        return List.copyOf(order);
    }
}
