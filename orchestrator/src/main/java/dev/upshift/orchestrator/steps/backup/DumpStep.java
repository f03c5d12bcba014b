package dev.upshift.orchestrator.steps.backup;

import java.util.List;
import java.util.function.Consumer;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Backups;
import dev.upshift.orchestrator.steps.PgCommands;
import dev.upshift.orchestrator.steps.PgDumpProgress;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.TransferMeter;
import dev.upshift.orchestrator.steps.UpgradeHistory;

/**
 * 1.1–1.3: the online backups, taken while the stack serves: {@code pg_dump} in custom and plain format, and
 * {@code pg_dumpall --roles-only}, run inside the database container as its superuser.
 */
public final class DumpStep implements StepExecutor {

    private final StepKind kind;
    private final String label;
    private final String suffix;
    private final Backups backups;

    private DumpStep(StepKind kind, String label, String suffix, Backups backups) {
        this.kind = kind;
        this.label = label;
        this.suffix = suffix;
        this.backups = backups;
    }

    public static DumpStep customFormat(Backups backups) {
        return new DumpStep(StepKind.CUSTOM_DUMP, "custom", "_pre_pg%s.dump", backups);
    }

    public static DumpStep plainSql(Backups backups) {
        return new DumpStep(StepKind.SQL_DUMP, "sql", "_pre_pg%s.sql", backups);
    }

    public static DumpStep roles(Backups backups) {
        return new DumpStep(StepKind.ROLES_DUMP, "roles", "_roles.sql", backups);
    }

    @Override
    public StepKind kind() {
        return kind;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        String targetMajor = history.required(CompatibilityChecked.class).serverVersion().split("\\.")[0];
        String fileName = history.upgradeId() + suffix.formatted(targetMajor);
        Consumer<String> stderrLines = kind == StepKind.ROLES_DUMP ? line -> { }
                : PgDumpProgress.of(history.required(BaselineCaptured.class).baseline().tables(),
                        TransferMeter.of(progress, history.upgradeId(), step));
        return new BackupCreated(history.upgradeId(), step, label,
                backups.dump(plan, fileName, command(plan), stderrLines));
    }

    private List<String> command(UpgradePlan plan) {
        return switch (kind) {
            case CUSTOM_DUMP -> PgCommands.customDump(plan);
            case SQL_DUMP -> PgCommands.plainDump(plan);
            default -> PgCommands.rolesDump(plan);
        };
    }
}
