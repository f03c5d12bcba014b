package dev.upshift.orchestrator.steps.preflight;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.UpgradeCheckPassed;
import dev.upshift.orchestrator.api.events.UpgradeImageChecked;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.OneOffRun;
import dev.upshift.orchestrator.steps.BaseBackup;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.steps.execute.PgUpgradeScript;
import dev.upshift.orchestrator.steps.execute.UpgradeClusterStep;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 0.7 (pg-upgrade): pg_upgrade's own checks, before anyone's downtime and without touching the stack. pg_upgrade
 * --check needs a cluster it can start and stop itself, so it runs on a copy: a {@link BaseBackup} of the live server,
 * taken with the upgrade image's old tools, into a scratch volume. The copy is started and
 * stopped once (recovery makes it a cleanly shut down cluster, which pg_upgrade requires), a new cluster is made
 * with the old one's settings (0.6), and pg_upgrade --check runs with the plan's transfer mode. The scratch volume
 * goes whatever the outcome. A failed check fails the pre-flight with pg_upgrade's findings.
 */
@Component
public class CheckUpgradeStep implements StepExecutor {

    private static final String MOUNT = "/upshift/check";
    private static final String SCRIPT = """
            install -d -o postgres -g postgres -m 700 "$MOUNT/new"
            find "$MOUNT/new" -mindepth 1 -delete
            cd /tmp
            exec setpriv --reuid=postgres --regid=postgres --init-groups sh -euc '
            """ + PgUpgradeScript.UPGRADE_FUNCTION + """
              "$PGBINOLD/pg_ctl" -D "$MOUNT/old" -o "-c listen_addresses= -c unix_socket_directories=/tmp -c port=50431" -w start >/dev/null
              "$PGBINOLD/pg_ctl" -D "$MOUNT/old" -w stop >/dev/null
              if ! upgrade "$MOUNT/old" "$MOUNT/new" --check; then
                for found in $(find "$MOUNT/new" -path "*pg_upgrade_output.d*" -name "*.txt"); do
                  echo "$(basename "$found"): $(tr -s "\\n\\t " "   " < "$found")" >&2
                done
                exit 1
              fi'
            """;

    private final StackAccess stack;
    private final BaseBackup baseBackup;
    private final Duration timeout;

    public CheckUpgradeStep(StackAccess stack, BaseBackup baseBackup,
                            @Value("${upshift.pg-upgrade-timeout:PT6H}") Duration timeout) {
        this.stack = stack;
        this.baseBackup = baseBackup;
        this.timeout = timeout;
    }

    @Override
    public StepKind kind() {
        return StepKind.UPGRADE_CHECK;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        UpgradeImageChecked image = history.required(UpgradeImageChecked.class);
        ContainerEngine engine = stack.engine(plan);
        String scratch = plan.project() + "_upshift_check_" + history.upgradeId();
        engine.createVolume(scratch, Map.of(ContainerEngine.PURPOSE, ContainerEngine.SCRATCH,
                "com.docker.compose.project", plan.project(), "dev.upshift.upgrade", history.upgradeId()));
        Map<String, String> environment = Map.of("MOUNT", MOUNT, "SUPERUSER", plan.superuser(),
                "INITDB_ARGS", UpgradeClusterStep.initdbArguments(image.cluster(), ServerVersions.major(image.newVersion())),
                "TRANSFER", plan.transfer());
        try {
            baseBackup.copy(plan, plan.project() + "-upshift-pg-upgrade-check-copy", plan.upgradeImage(), scratch, MOUNT,
                    MOUNT + "/old", timeout);
            CommandResult result = stack.runToCompletion(plan, new OneOffRun(plan.project() + "-upshift-pg-upgrade-check",
                    plan.upgradeImage(), List.of("sh", "-euc", SCRIPT), environment, Map.of(scratch, MOUNT), timeout),
                    "pg_upgrade --check");
            return new UpgradeCheckPassed(history.upgradeId(), step, plan.transfer(), scratch, result.stdout().strip());
        } finally {
            engine.removeScratchVolume(scratch);
        }
    }
}
