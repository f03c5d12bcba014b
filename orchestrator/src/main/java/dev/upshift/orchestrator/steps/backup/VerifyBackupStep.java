package dev.upshift.orchestrator.steps.backup;

import java.nio.file.Path;
import java.util.List;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.BackupVerified;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.steps.Backups;
import dev.upshift.orchestrator.steps.PgRestoreProgress;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 1.4: every backup still has the checksum it was written with, and pg_restore can read the custom dump's contents. */
@Component
public class VerifyBackupStep implements StepExecutor {

    private static final String IN_CONTAINER = "/tmp/upshift-verify.dump";

    private final StackAccess stack;

    public VerifyBackupStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.VERIFY_BACKUP;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        List<BackupFile> files = history.all(BackupCreated.class).stream().map(BackupCreated::file).toList();
        for (BackupFile file : files) {
            if (!Backups.sha256(Path.of(file.path())).equals(file.sha256())) {
                throw new StepFailure(file.path() + " changed since it was written: its sha256 differs");
            }
        }
        BackupFile custom = history.all(BackupCreated.class).stream().filter(backup -> backup.kind().equals("custom"))
                .map(BackupCreated::file).findFirst().orElseThrow(() -> new StepFailure("no custom-format dump to verify"));
        return new BackupVerified(history.upgradeId(), step, tocEntries(history.plan(), custom), files);
    }

    /** The entries pg_restore lists, as the runbook counted them ("498 TOC entries verified"). */
    private int tocEntries(UpgradePlan plan, BackupFile dump) {
        ContainerEngine engine = stack.engine(plan);
        String container = stack.container(plan, plan.service()).id();
        engine.copyInto(container, Path.of(dump.path()), IN_CONTAINER);
        try {
            CommandResult listing = engine.exec(container, List.of("pg_restore", "-l", IN_CONTAINER));
            if (!listing.succeeded()) {
                throw new StepFailure("pg_restore cannot read " + dump.path() + ": " + listing.stderr().strip());
            }
            return (int) PgRestoreProgress.entriesIn(listing.stdout());
        } finally {
            engine.exec(container, List.of("rm", "-f", IN_CONTAINER));
        }
    }
}
