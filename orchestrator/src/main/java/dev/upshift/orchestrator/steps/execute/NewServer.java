package dev.upshift.orchestrator.steps.execute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * The new server's container: the old container's configuration on the target image and the new volume, mounted
 * where 2.1 put it in the compose file.
 */
@Component
public class NewServer {

    /** Init scripts would seed a fresh cluster: the restore or pg_upgrade brings the data instead. */
    private static final String INIT_SCRIPTS = "/docker-entrypoint-initdb.d";
    private static final String PGDATA = "PGDATA";

    private final StackAccess stack;

    public NewServer(StackAccess stack) {
        this.stack = stack;
    }

    /** The container an interrupted step created before, or a new one (created, not started). */
    public String container(UpgradePlan plan, UpgradeHistory history) {
        ContainerEngine engine = stack.engine(plan);
        return engine.serviceContainers(plan.project(), plan.service()).stream()
                .filter(container -> container.image().equals(plan.targetImage()))
                .map(ContainerInfo::id)
                .findFirst()
                .orElseGet(() -> engine.create(spec(plan, history)));
    }

    private ContainerSpec spec(UpgradePlan plan, UpgradeHistory history) {
        ContainerSpec old = stack.withSecrets(plan, history.required(DatabaseStopped.class).spec());
        ComposeFileUpdated updated = history.required(ComposeFileUpdated.class);
        // the logical method snapshots nothing: its replica filled the volume 2.1 named
        String newVolume = history.last(VolumeSnapshotted.class).map(VolumeSnapshotted::newVolume).orElse(updated.volume());
        return spec(old, plan, newVolume, updated.previousDataLayout(), updated.dataLayout());
    }

    /**
     * The old spec on the target image, the new volume in place of the old one. Where the mount moved (18+), the
     * new volume is mounted at the new target and a PGDATA of the old spec that lay inside the old mount — pointing
     * into the old layout — is left out, so that PGDATA is the image's own; a PGDATA elsewhere is the operator's
     * choice and stays. Where the cluster moved within the mount (pg_upgrade's link put it beside the old one),
     * PGDATA names it. A layout not recorded (null: events of revision 1) keeps the old mount.
     */
    public static ContainerSpec spec(ContainerSpec old, UpgradePlan plan, String newVolume, DataLayout previous,
                              DataLayout layout) {
        boolean moved = layout != null && layout.movesMountFrom(previous);
        ContainerSpec spec = serving(old, plan, plan.targetImage(), newVolume, moved ? layout.mountTarget() : null);
        if (moved) {
            return pointsInto(old.environment().get(PGDATA), previous) ? spec.withoutVariable(PGDATA) : spec;
        }
        // pg_upgrade's link: the new cluster beside the old one in the volume
        return layout != null && previous != null && !layout.dataDirectory().equals(previous.dataDirectory())
                ? spec.withEnvironment(Map.of(PGDATA, layout.dataDirectory())) : spec;
    }

    /**
     * The old spec on the image, the volume in place of the plan's, mounted at the target (null: where the plan's
     * is), without the init scripts: a cluster that gets its data from a restore or from pg_upgrade must not be
     * seeded by them first. The new server's, and the full rollback's old version on a fresh volume.
     */
    public static ContainerSpec serving(ContainerSpec old, UpgradePlan plan, String image, String volume,
                                        String mountTarget) {
        List<ContainerSpec.Mount> mounts = old.mounts().stream()
                .filter(mount -> !mount.target().equals(INIT_SCRIPTS))
                .map(mount -> mount.source().equals(plan.volume())
                        ? new ContainerSpec.Mount(mount.type(), volume, mountTarget == null ? mount.target() : mountTarget,
                                mount.readOnly())
                        : mount)
                .toList();
        return old.withImage(image).withMounts(mounts);
    }

    private static boolean pointsInto(String dataDirectory, DataLayout layout) {
        return dataDirectory != null && Path.of(dataDirectory).startsWith(Path.of(layout.mountTarget()));
    }
}
