package dev.upshift.orchestrator.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import org.springframework.stereotype.Component;

/**
 * The roles and a custom-format dump, restored into a running server's emptied database in one transaction, with
 * pg_restore's own progress; only files whose sha256 is still the one recorded when Upshift took them.
 */
@Component
public class DumpRestore {

    private static final String ROLES_IN_CONTAINER = "/tmp/upshift-roles.sql";
    private static final String DUMP_IN_CONTAINER = "/tmp/upshift.dump";

    private final StackAccess stack;
    private final DatabaseAdministrator administrator;

    public DumpRestore(StackAccess stack, DatabaseAdministrator administrator) {
        this.stack = stack;
        this.administrator = administrator;
    }

    /** A redone restore starts again on an emptied database, so a half-finished one never stays. */
    public void into(UpgradePlan plan, String containerId, BackupFile dump, BackupFile roles, TransferMeter.Factory meter) {
        requireUnchanged(dump);
        requireUnchanged(roles);
        ContainerEngine engine = stack.engine(plan);
        administrator.emptyDatabase(stack.maintenance(plan), plan.database(), plan.superuser());
        withFileIn(engine, containerId, roles.path(), ROLES_IN_CONTAINER, () -> execute(engine, containerId,
                List.of("psql", "-q", "-U", plan.superuser(), "-d", "postgres", "-f", ROLES_IN_CONTAINER), line -> { }));
        withFileIn(engine, containerId, dump.path(), DUMP_IN_CONTAINER, () -> {
            long entries = PgRestoreProgress.entriesIn(
                    execute(engine, containerId, List.of("pg_restore", "-l", DUMP_IN_CONTAINER), line -> { }).stdout());
            execute(engine, containerId, PgCommands.restore(plan, DUMP_IN_CONTAINER), new PgRestoreProgress(entries, meter));
        });
    }

    /** A dump that changed since it was taken is not the database it was taken of: restoring it would lose data. */
    private static void requireUnchanged(BackupFile file) {
        if (!Files.exists(Path.of(file.path())) || !Backups.sha256(Path.of(file.path())).equals(file.sha256())) {
            throw new StepFailure(file.path() + " is not the file Upshift took: it is gone or its sha256 differs");
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
            throw PgToolOutput.failure(command.get(0), result);
        }
        return result;
    }
}
