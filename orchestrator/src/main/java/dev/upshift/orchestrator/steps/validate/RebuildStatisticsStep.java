package dev.upshift.orchestrator.steps.validate;

import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.StatisticsRebuilt;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.VersionVerified;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.steps.PgToolOutput;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 5.2: extensions move to the new server's versions, and every database gets planner statistics, which a restore
 * and pg_upgrade before 18 leave empty: {@code vacuumdb --analyze-in-stages}, whose first stage gives the planner
 * coarse statistics within seconds while the dependents already serve; from 18 on, pg_upgrade carries the
 * statistics over and only the missing ones are gathered.
 */
@Component
public class RebuildStatisticsStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseAdministrator administrator;

    public RebuildStatisticsStep(StackAccess stack, DatabaseAdministrator administrator) {
        this.stack = stack;
        this.administrator = administrator;
    }

    @Override
    public StepKind kind() {
        return StepKind.REBUILD_STATISTICS;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        List<String> updated = administrator.updateExtensions(stack.database(plan));
        List<String> vacuumdb = new ArrayList<>(List.of("vacuumdb", "-U", plan.superuser(), "--all", "--analyze-in-stages"));
        if (history.required(VersionVerified.class).majorVersion() >= 18) {
            vacuumdb.add("--missing-stats-only");
        }
        CommandResult result = stack.engine(plan).exec(stack.container(plan, plan.service()).id(), vacuumdb);
        if (!result.succeeded()) {
            throw new StepFailure("vacuumdb failed (exit " + result.exitCode() + "): " + PgToolOutput.errors(result.stderr()));
        }
        return new StatisticsRebuilt(history.upgradeId(), step, updated);
    }
}
