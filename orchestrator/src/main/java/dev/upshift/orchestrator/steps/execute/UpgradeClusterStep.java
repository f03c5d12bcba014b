package dev.upshift.orchestrator.steps.execute;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ClusterUpgraded;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.UpgradeImageChecked;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import dev.upshift.orchestrator.ports.OneOffRun;
import dev.upshift.orchestrator.steps.PgUpgradeProgress;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.TransferMeter;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 3.5 (pg-upgrade): a one-off container of the upgrade image mounts the old volume and the new one, initialises the
 * new cluster with the old one's settings (0.6) and runs pg_upgrade from the one into the other, then carries the
 * old cluster's configuration files over (pg_upgrade moves data, not configuration). In copy mode the old volume
 * is left as the old server left it, so the rollback is the old container again, and a redone step starts over on
 * an emptied new cluster. In link mode the new cluster is made beside the old one in the old volume, its data files
 * hard links to the old ones; pg_upgrade renames the old control file, which a rollback before the new server's
 * first start renames back.
 */
@Component
public class UpgradeClusterStep implements StepExecutor {

    private static final String OLD_MOUNT = "/upshift/old";
    private static final String NEW_MOUNT = "/upshift/new";
    /**
     * As root: the old cluster's control file back where an interrupted link renamed it (the new server has not
     * started: that is 3.6), the new cluster's directory, emptied, owned by postgres, and so are its parents in the volume (18's
     * "18/", where a later major's cluster goes beside it). An old cluster a killed pg_upgrade left
     * running is started and stopped once, so that it is shut down cleanly again. The files pg_upgrade will
     * transfer are counted, for its progress: those of user relations (from oid 16384) and of large objects, in every
     * database but template0 (oid 4 from 15 on), without unlogged tables' init forks, which the schema's restore
     * makes. Then, as postgres: initdb, pg_upgrade (its sockets and scripts in /tmp; verbose, naming each file it
     * transfers), and the configuration files.
     */
    private static final String SCRIPT = """
            if [ -f "$OLD_DATA/global/pg_control.old" ]; then mv "$OLD_DATA/global/pg_control.old" "$OLD_DATA/global/pg_control"; fi
            install -d -o postgres -g postgres -m 700 "$NEW_DATA"
            dir=$NEW_DATA
            while [ "$dir" != "$NEW_MOUNT" ] && [ "$dir" != / ]; do dir=$(dirname "$dir"); chown postgres:postgres "$dir"; done
            find "$NEW_DATA" -mindepth 1 -delete
            find "$OLD_DATA/base" -path "$OLD_DATA/base/4" -prune -o -type f -print | awk -F/ '
              { relation = $NF; sub(/[_.].*/, "", relation) }
              relation ~ /^[0-9]+$/ && $NF !~ /_init/ && (relation + 0 >= 16384 || relation + 0 == 2613 || relation + 0 == 2683) { files++ }
              END { print "upshift: " files + 0 " relation files to transfer" }'
            cd /tmp
            exec setpriv --reuid=postgres --regid=postgres --init-groups sh -euc '
            """ + PgUpgradeScript.UPGRADE_FUNCTION + """
              if [ -f "$OLD_DATA/postmaster.pid" ]; then
                "$PGBINOLD/pg_ctl" -D "$OLD_DATA" -o "-c listen_addresses=" -w start
                "$PGBINOLD/pg_ctl" -D "$OLD_DATA" -w stop
              fi
              upgrade "$OLD_DATA" "$NEW_DATA" --verbose
              for file in postgresql.conf postgresql.auto.conf pg_hba.conf pg_ident.conf; do
                if [ -f "$OLD_DATA/$file" ]; then cp "$OLD_DATA/$file" "$NEW_DATA/$file"; fi
              done'
            """;

    private final StackAccess stack;
    private final Duration timeout;

    public UpgradeClusterStep(StackAccess stack, @Value("${upshift.pg-upgrade-timeout:PT6H}") Duration timeout) {
        this.stack = stack;
        this.timeout = timeout;
    }

    @Override
    public StepKind kind() {
        return StepKind.UPGRADE_CLUSTER;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        String newVolume = history.required(VolumeSnapshotted.class).newVolume();
        UpgradeImageChecked image = history.required(UpgradeImageChecked.class);
        DataLayout oldLayout = oldLayout(plan, history.required(DatabaseStopped.class).spec());
        // where 2.1 recorded the new server's PGDATA (18/docker below 18's mount); not recorded (revision 1), the old place
        DataLayout recorded = history.required(ComposeFileUpdated.class).dataLayout();
        DataLayout newLayout = recorded == null ? oldLayout : recorded;
        // link: one mount, the new cluster beside the old one in the old volume
        boolean oneMount = newVolume.equals(plan.volume());
        String newMount = oneMount ? OLD_MOUNT : NEW_MOUNT;
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OLD_DATA", OLD_MOUNT + inVolume(oldLayout));
        environment.put("NEW_MOUNT", newMount);
        environment.put("NEW_DATA", newMount + inVolume(newLayout));
        environment.put("SUPERUSER", plan.superuser());
        environment.put("INITDB_ARGS", initdbArguments(image.cluster(), major(image.newVersion())));
        environment.put("TRANSFER", plan.transfer());
        stack.runToCompletion(plan, new OneOffRun(plan.project() + "-upshift-pg-upgrade",
                plan.upgradeImage(), List.of("sh", "-euc", SCRIPT), environment,
                oneMount ? Map.of(plan.volume(), OLD_MOUNT) : Map.of(plan.volume(), OLD_MOUNT, newVolume, NEW_MOUNT), timeout),
                "pg_upgrade", new PgUpgradeProgress(plan.transfer(), TransferMeter.of(progress, history.upgradeId(), step)));
        return new ClusterUpgraded(history.upgradeId(), step, plan.upgradeImage(), plan.transfer(), plan.volume(),
                newVolume);
    }

    /** The old server's: its mount of the volume, and the plan's PGDATA. */
    private static DataLayout oldLayout(UpgradePlan plan, ContainerSpec old) {
        return old.mounts().stream().filter(mount -> plan.volume().equals(mount.source()))
                .map(mount -> new DataLayout(mount.target(), plan.dataDirectory())).findFirst()
                .orElseThrow(() -> new StepFailure("the old container did not mount " + plan.volume()));
    }

    /** Where the cluster lies in its volume: "" at its root, "/18/docker" below it. */
    public static String inVolume(DataLayout layout) {
        String inVolume = layout.dataDirectoryInVolume();
        if (inVolume == null) {
            throw new StepFailure("PGDATA " + layout.dataDirectory() + " is not inside the volume's mount "
                    + layout.mountTarget());
        }
        return inVolume;
    }

    /** pg_upgrade accepts only a new cluster of the old one's encoding, locale, provider and checksum setting. */
    public static String initdbArguments(ClusterSettings cluster, int newMajor) {
        String checksums = cluster.dataChecksums() ? " --data-checksums" : newMajor >= 18 ? " --no-data-checksums" : "";
        return "--encoding=" + cluster.encoding() + " --lc-collate=" + cluster.collate() + " --lc-ctype="
                + cluster.ctype() + " --locale-provider=" + cluster.localeProvider() + checksums;
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }
}
