package dev.upshift.orchestrator.steps.execute;

import java.util.List;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Backups;
import dev.upshift.orchestrator.steps.PgCommands;
import dev.upshift.orchestrator.steps.PgDumpProgress;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.TransferMeter;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.1 (dump-restore): the downtime starts ({@link Fencing}), and the final dump — the one restored — is taken behind
 * the fence, with the write counter read before and after it: the aggregate accepts the dump only if nothing was
 * written in between. This is where the runbook lost the writes made after its Phase 1 dump.
 */
@Component
public class StopDependentsStep implements StepExecutor {

    private final Fencing fencing;
    private final Backups backups;

    public StopDependentsStep(Fencing fencing, Backups backups) {
        this.fencing = fencing;
        this.backups = backups;
    }

    @Override
    public StepKind kind() {
        return StepKind.STOP_DEPENDENTS;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        DatabaseFenced fenced = fencing.stopDependentsAndFence(step, history, progress);
        BackupFile dump = backups.dump(plan, history.upgradeId() + "_final.dump",
                PgCommands.customDump(plan),
                PgDumpProgress.of(fenced.tables(), TransferMeter.of(progress, history.upgradeId(), step)));
        BackupFile roles = backups.dump(plan, history.upgradeId() + "_final_roles.sql",
                PgCommands.rolesDump(plan), line -> { });
        return new FinalDumpTaken(history.upgradeId(), step, dump, roles, fencing.writesSince(fenced, plan));
    }
}
