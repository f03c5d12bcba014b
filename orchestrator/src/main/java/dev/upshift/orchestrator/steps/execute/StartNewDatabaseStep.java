package dev.upshift.orchestrator.steps.execute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ContainerStarted;
import dev.upshift.orchestrator.api.events.DataRestored;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Backups;
import dev.upshift.orchestrator.steps.PgRestoreProgress;
import dev.upshift.orchestrator.steps.PgToolOutput;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.TransferMeter;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.5 (dump-restore): the new server ({@link NewServer}) starts on the target image with the old container's
 * configuration and a fresh data directory on the new volume, then gets the roles and the final dump. A redone step reuses the new
 * container and restores into an empty database, so a half-finished restore never stays. The step ends once the
 * container's own health check passes: the dependents start on that, and 4.4 awaits Docker's word for it. The new
 * cluster is initdb's with the target's defaults, not a copy of the old one's settings (data checksums on from 18:
 * every page is written anew, so they cost nothing now); what it got is recorded.
 */
@Component
public class StartNewDatabaseStep implements StepExecutor {

    private static final String ROLES_IN_CONTAINER = "/tmp/upshift-roles.sql";
    private static final String DUMP_IN_CONTAINER = "/tmp/upshift-final.dump";

    private final StackAccess stack;
    private final NewServer newServer;
    private final DatabaseAdministrator administrator;
    private final DatabaseInspector inspector;

    public StartNewDatabaseStep(StackAccess stack, NewServer newServer, DatabaseAdministrator administrator,
                                DatabaseInspector inspector) {
        this.stack = stack;
        this.newServer = newServer;
        this.administrator = administrator;
        this.inspector = inspector;
    }

    @Override
    public StepKind kind() {
        return StepKind.START_NEW_DATABASE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerEngine engine = stack.engine(plan);
        String containerId = newServer.container(plan, history);
        engine.start(containerId);
        if (history.last(ContainerStarted.class).isEmpty()) {
            progress.record(new ContainerStarted(history.upgradeId(), step, containerId, plan.targetImage()));
        }
        stack.requireAcceptingConnections(plan, containerId, "the new server");
        FinalDumpTaken dump = history.required(FinalDumpTaken.class);
        requireUnchanged(dump.file());
        requireUnchanged(dump.roles());
        administrator.emptyDatabase(stack.maintenance(plan), plan.database(), plan.superuser());
        withFileIn(engine, containerId, dump.roles().path(), ROLES_IN_CONTAINER, () -> execute(engine, containerId,
                List.of("psql", "-q", "-U", plan.superuser(), "-d", "postgres", "-f", ROLES_IN_CONTAINER), line -> { }));
        withFileIn(engine, containerId, dump.file().path(), DUMP_IN_CONTAINER, () -> {
            long entries = PgRestoreProgress.entriesIn(
                    execute(engine, containerId, List.of("pg_restore", "-l", DUMP_IN_CONTAINER), line -> { }).stdout());
            // verbose: pg_restore names each entry as it starts on it, which is how far the restore is
            execute(engine, containerId, List.of("pg_restore", "--verbose", "-U", plan.superuser(),
                            "-d", plan.database(), "--single-transaction", "--exit-on-error", DUMP_IN_CONTAINER),
                    new PgRestoreProgress(entries, TransferMeter.of(progress, history.upgradeId(), step)));
        });
        stack.requirePassingHealthCheck(plan, containerId, "the new server");
        return new DataRestored(history.upgradeId(), step, containerId, dump.file().path(),
                inspector.clusterSettings(stack.maintenance(plan)));
    }

    /** A dump that changed since it was taken is not the fenced database any more: restoring it would lose data. */
    private static void requireUnchanged(BackupFile file) {
        if (!Files.exists(Path.of(file.path())) || !Backups.sha256(Path.of(file.path())).equals(file.sha256())) {
            throw new StepFailure(file.path() + " is not the file taken behind the fence: it is gone or its sha256 differs");
        }
    }

    private static void withFileIn(ContainerEngine engine, String containerId, String localFile, String inContainer,
                                   Runnable use) {
        engine.copyInto(containerId, Path.of(localFile), inContainer);
        try {
            use.run();
        } finally {
            engine.exec(containerId, List.of("rm", "-f", inContainer));
        }
    }

    private static CommandResult execute(ContainerEngine engine, String containerId, List<String> command,
                                         Consumer<String> stderrLines) {
        CommandResult result = engine.exec(containerId, command, stderrLines);
        if (!result.succeeded()) {
            throw new StepFailure(command.get(0) + " failed (exit " + result.exitCode() + "): "
                    + PgToolOutput.errors(result.stderr()).lines().limit(3).reduce((a, b) -> a + " | " + b).orElse(""));
        }
        return result;
    }
}
