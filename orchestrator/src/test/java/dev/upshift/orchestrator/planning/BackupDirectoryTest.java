package dev.upshift.orchestrator.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.upshift.orchestrator.ports.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupDirectoryTest {

    @TempDir
    Path project;

    private Path compose() {
        return project.resolve("docker-compose.yml");
    }

    @Test
    void givenNoBackupDirectory_whenPlanning_thenItIsBackupsBesideTheComposeFile() {
        assertThat(BackupDirectory.of(compose(), null)).isEqualTo(project.resolve("backups").toString());
    }

    @Test
    void givenAWorldWritableDirectory_whenPlanning_thenInvalidInputSaysTheDumpsHoldTheWholeDatabase() throws IOException {
        Path shared = Files.createDirectory(project.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> BackupDirectory.of(compose(), shared))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("backup directory " + shared.toRealPath() + " is writable by every user, and the dumps hold the "
                        + "whole database; run chmod o-w " + shared.toRealPath() + " or pass another --backup-dir");
    }

    @Test
    void givenASymbolicLinkToAPrivateDirectory_whenPlanning_thenTheDirectoryItLeadsToIsRecorded(@TempDir Path disk)
            throws IOException {
        Path link = Files.createSymbolicLink(project.resolve("backups"), disk);

        assertThat(BackupDirectory.of(compose(), link)).isEqualTo(disk.toRealPath().toString());
    }

    @Test
    void givenASymbolicLinkToAWorldWritableDirectory_whenPlanning_thenInvalidInputNamesThatDirectory(@TempDir Path disk)
            throws IOException {
        Files.setPosixFilePermissions(disk, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path link = Files.createSymbolicLink(project.resolve("backups"), disk);

        assertThatThrownBy(() -> BackupDirectory.of(compose(), link))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("backup directory " + disk.toRealPath() + " is writable by every user");
    }

    @Test
    void givenASymbolicLinkToNothing_whenPlanning_thenInvalidInput() throws IOException {
        Path link = Files.createSymbolicLink(project.resolve("backups"), project.resolve("gone"));

        assertThatThrownBy(() -> BackupDirectory.of(compose(), link))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("is a symbolic link to nothing");
    }

    @Test
    void givenAFile_whenPlanning_thenInvalidInputSaysItIsNotADirectory() throws IOException {
        Path file = Files.writeString(project.resolve("backups"), "");

        assertThatThrownBy(() -> BackupDirectory.of(compose(), file))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("is not a directory");
    }
}
