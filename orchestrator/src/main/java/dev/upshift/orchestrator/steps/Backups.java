package dev.upshift.orchestrator.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.CommandResult;
import org.springframework.stereotype.Component;

/**
 * Writes dumps of the database into the backup directory: named after the upgrade as the runbook names them,
 * mode 0600 in a 0700 directory, first as a ".part" file renamed when complete, so an interrupted dump never
 * passes for a finished one and a redone step simply writes it again.
 */
@Component
public class Backups {

    private final StackAccess stack;

    public Backups(StackAccess stack) {
        this.stack = stack;
    }

    /**
     * Runs a dump command in the database container and keeps its output as the named file.
     *
     * @param stderrLines gets each line the command prints on stderr as it prints it (its progress, with --verbose)
     */
    public BackupFile dump(UpgradePlan plan, String fileName, List<String> command, Consumer<String> stderrLines) {
        Path directory = directory(plan);
        Path file = directory.resolve(fileName);
        Path part = directory.resolve(fileName + ".part");
        try {
            Files.deleteIfExists(part);
            String container = stack.container(plan, plan.service()).id();
            CommandResult result = stack.engine(plan).execToFile(container, command, part, stderrLines);
            if (!result.succeeded()) {
                throw new StepFailure(command.get(0) + " failed (exit " + result.exitCode() + "): "
                        + PgToolOutput.errors(result.stderr()));
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return describe(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static BackupFile describe(Path file) {
        try {
            return new BackupFile(file.toString(), Files.size(file), sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Path directory(UpgradePlan plan) {
        Path directory = Path.of(plan.backupDir());
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup directory " + directory, e);
        }
    }
}
