package dev.upshift.orchestrator.planning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import dev.upshift.orchestrator.ports.InvalidInput;

/**
 * Where the dumps go. They hold the whole database, so a directory every user may write to is refused (another user
 * could read, replace or pre-empt them); a symbolic link is followed, as a mounted backup disk often is, and the plan
 * records the directory it leads to, so a link changed later cannot move the dumps.
 */
final class BackupDirectory {

    private BackupDirectory() {
    }

    /** The directory's real path; one that does not exist yet is made 0700 by the first dump. */
    static String of(Path composeFile, Path requested) {
        Path directory = (requested != null ? requested : composeFile.getParent().resolve("backups"))
                .toAbsolutePath().normalize();
        if (!Files.exists(directory)) {
            if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInput("backup directory " + directory + " is a symbolic link to nothing; "
                        + "point it at a directory or pass another --backup-dir");
            }
            return directory.toString();
        }
        try {
            Path real = directory.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new InvalidInput("backup directory " + directory + " is not a directory; pass a directory with --backup-dir");
            }
            if (Files.getPosixFilePermissions(real).contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new InvalidInput("backup directory " + real + " is writable by every user, and the dumps hold the "
                        + "whole database; run chmod o-w " + real + " or pass another --backup-dir");
            }
            return real.toString();
        } catch (IOException e) {
            throw new InvalidInput("backup directory " + directory + " cannot be read (" + e.getMessage() + "); check its permissions");
        }
    }
}
