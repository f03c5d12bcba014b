package dev.upshift.orchestrator.steps.execute;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.DatabaseStopped;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.VolumeSnapshotted;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * The new server's container (3.4 creates it, 3.5 starts it): the old container's configuration on the target
 * image, with the new volume in place of the old one and without the init scripts.
 */
@Component
public class NewServerContainer {

    /** Init scripts would seed the fresh cluster before the restore: the restore brings the data instead. */
    private static final String INIT_SCRIPTS = "/docker-entrypoint-initdb.d";

    private final StackAccess stack;

    public NewServerContainer(StackAccess stack) {
        this.stack = stack;
    }

    /** The one an earlier step or attempt created: the database service's container on the target image. */
    public Optional<String> find(UpgradePlan plan) {
        return stack.engine().serviceContainers(plan.project(), plan.service()).stream()
                .filter(container -> container.image().equals(plan.targetImage()))
                .map(ContainerInfo::id)
                .findFirst();
    }

    /** Creates it, not started, under the given name. */
    public String create(UpgradeHistory history, String name) {
        UpgradePlan plan = history.plan();
        ContainerSpec old = stack.withSecrets(plan, history.required(DatabaseStopped.class).spec());
        String newVolume = history.required(VolumeSnapshotted.class).newVolume();
        List<ContainerSpec.Mount> mounts = old.mounts().stream()
                .filter(mount -> !mount.target().equals(INIT_SCRIPTS))
                .map(mount -> mount.source().equals(plan.volume())
                        ? new ContainerSpec.Mount(mount.type(), newVolume, mount.target(), mount.readOnly())
                        : mount)
                .toList();
        return stack.engine().create(old.withImage(plan.targetImage()).withMounts(mounts).withName(name));
    }
}
