package dev.upshift.orchestrator.steps;

import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;

/** The database's data layout as its compose file gives it: where the service mounts the plan's volume, and PGDATA. */
public final class ComposeDataLayout {

    private ComposeDataLayout() {
    }

    public static DataLayout of(ComposeProject compose, UpgradePlan plan) {
        String volume = volumeKey(plan);
        return compose.service(plan.service()).stream()
                .flatMap(service -> service.volumes().stream())
                .filter(mount -> mount.named() && mount.source().equals(volume))
                .map(VolumeMount::target)
                .findFirst()
                .map(target -> new DataLayout(target, plan.dataDirectory()))
                .orElseThrow(() -> new StepFailure("service " + plan.service() + " of " + compose.file()
                        + " does not mount volume " + volume + " any more"));
    }

    /** The volume's name in the compose file: the plan's without the project's prefix. */
    public static String volumeKey(UpgradePlan plan) {
        return volumeKey(plan.project(), plan.volume());
    }

    /** A project's volume's name in its compose file: "pg_data" for "makapix_pg_data". */
    public static String volumeKey(String project, String volume) {
        return volume.substring(project.length() + 1);
    }
}
