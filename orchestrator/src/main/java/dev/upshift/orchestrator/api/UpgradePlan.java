package dev.upshift.orchestrator.api;

import java.time.Duration;
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
 * @param keepOld {@code plan --keep-old}: how long everything old is kept after completion, or null for the
 *        runbook's 24 h (the old image and container) and 7 days (the old volume and the backups)
 * @param restartAllowed {@code plan --allow-restart} (logical): the operator approved a restart of the old server
 *        while the stack serves, for logical decoding's {@code wal_level}, should the server need it
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
        List<String> windows,
        Duration keepOld,
        boolean restartAllowed) {

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

    /** The runbook kept the old image 24 h after the upgrade… */
    public static final Duration IMAGE_KEPT = Duration.ofHours(24);
    /** …and the old volume (with the backups) 7 days. */
    public static final Duration DATA_KEPT = Duration.ofDays(7);

    /** How long the old image stays after completion, and the old container with it (a container holds its image). */
    public Duration keepOldImage() {
        return keepOld != null ? keepOld : IMAGE_KEPT;
    }

    /** How long the old volume and the backups stay after completion. */
    public Duration keepOldData() {
        return keepOld != null ? keepOld : DATA_KEPT;
    }

    /** The same plan, keeping everything old this long ({@code --keep-old}; null: the runbook's defaults). */
    public UpgradePlan keepingOldFor(Duration keepOld) {
        return new UpgradePlan(composeFile, project, service, sourceImage, targetImage, method, stopOrder, backupDir,
                volume, dataDirectory, database, superuser, password, dockerHost, upgradeImage, transfer, snapshot,
                windows, keepOld, restartAllowed);
    }

    /** Dependents in the order they are started again: the reverse of the stop order. */
    public List<String> startOrder() {
        List<String> order = new ArrayList<>(stopOrder);
        Collections.reverse(order);
        return List.copyOf(order);
    }
}
