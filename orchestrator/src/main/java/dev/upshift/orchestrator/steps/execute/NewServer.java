package dev.upshift.orchestrator.steps.execute;

import java.util.List;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** The new server's container: the old container's configuration on the target image and the new volume. */
@Component
public class NewServer {

    /** Init scripts would seed a fresh cluster: the restore or pg_upgrade brings the data instead. */
    private static final String INIT_SCRIPTS = "/docker-entrypoint-initdb.d";

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
        String newVolume = history.required(VolumeSnapshotted.class).newVolume();
        List<ContainerSpec.Mount> mounts = old.mounts().stream()
                .filter(mount -> !mount.target().equals(INIT_SCRIPTS))
                .map(mount -> mount.source().equals(plan.volume())
                        ? new ContainerSpec.Mount(mount.type(), newVolume, mount.target(), mount.readOnly())
                        : mount)
                .toList();
        return old.withImage(plan.targetImage()).withMounts(mounts);
    }
}
