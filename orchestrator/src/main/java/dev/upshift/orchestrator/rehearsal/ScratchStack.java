package dev.upshift.orchestrator.rehearsal;

import java.nio.file.Path;

/**
 * Where a rehearsal runs: a compose project of its own on the live stack's engine, holding only a copy of the database.
 *
 * @param directory what the rehearsal writes: the compose file and the backups, removed with it
 */
public record ScratchStack(String project, Path directory) {

    public Path composeFile() {
        return directory.resolve("compose.yml");
    }

    public Path backupDir() {
        return directory.resolve("backups");
    }
}
