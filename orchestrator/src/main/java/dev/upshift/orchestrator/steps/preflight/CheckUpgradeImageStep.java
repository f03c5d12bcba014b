package dev.upshift.orchestrator.steps.preflight;

import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.UpgradeImageChecked;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 0.6 (pg-upgrade): the upgrade image is here and runs the database's major version under PGBINOLD and the
 * target's under PGBINNEW (pg_upgrade needs both in one container); the old cluster's settings, which the new
 * cluster must repeat, are read from the live server. A throwaway container and a read: the stack is not touched.
 */
@Component
public class CheckUpgradeImageStep implements StepExecutor {

    private static final String PROBE = "\"$PGBINOLD/postgres\" --version && \"$PGBINNEW/postgres\" --version";
    private static final String LIBC = "libc";

    private final StackAccess stack;
    private final DatabaseInspector inspector;

    public CheckUpgradeImageStep(StackAccess stack, DatabaseInspector inspector) {
        this.stack = stack;
        this.inspector = inspector;
    }

    @Override
    public StepKind kind() {
        return StepKind.UPGRADE_IMAGE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        Baseline baseline = history.required(BaselineCaptured.class).baseline();
        String target = history.required(CompatibilityChecked.class).serverVersion();
        ContainerEngine engine = stack.engine(plan);
        if (engine.image(plan.upgradeImage()).isEmpty()) {
            throw new StepFailure("the upgrade image " + plan.upgradeImage() + " is not present on the engine; build "
                    + "or pull it, then run preflight again");
        }
        CommandResult probe = engine.runOnce(plan.upgradeImage(), List.of("sh", "-c", PROBE));
        List<String> versions = ServerVersions.in(probe.stdout());
        if (!probe.succeeded() || versions.size() < 2) {
            throw new StepFailure("the upgrade image " + plan.upgradeImage() + " does not run two servers through "
                    + "PGBINOLD and PGBINNEW: " + (probe.stdout() + probe.stderr()).strip().lines().findFirst().orElse("no output"));
        }
        String oldVersion = versions.get(0);
        requireMajor("old", plan, ServerVersions.major(oldVersion), baseline.majorVersion());
        String newVersion = versions.get(1);
        requireMajor("new", plan, ServerVersions.major(newVersion), ServerVersions.major(target));
        ClusterSettings cluster = inspector.clusterSettings(stack.database(plan));
        if (!LIBC.equals(cluster.localeProvider())) {
            throw new StepFailure("the cluster's locale provider is " + cluster.localeProvider() + "; Upshift's "
                    + "pg-upgrade initialises libc clusters only: use --method dump-restore");
        }
        return new UpgradeImageChecked(history.upgradeId(), step, plan.upgradeImage(), oldVersion, newVersion, cluster);
    }

    private static void requireMajor(String which, UpgradePlan plan, int found, int needed) {
        if (found != needed) {
            throw new StepFailure("the upgrade image " + plan.upgradeImage() + " has PostgreSQL " + found + " as its "
                    + which + " server; it must be " + needed + ", the " + ("old".equals(which) ? "database's" : "target's"));
        }
    }
}
