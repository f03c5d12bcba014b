package dev.upshift.orchestrator.adapters.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/** Named volumes, and the free space of the filesystem that holds them. */
final class DockerVolumes {

    private final DockerClient docker;

    DockerVolumes(DockerClient docker) {
        this.docker = docker;
    }

    void createVolume(String name, Map<String, String> labels) {
        if (volumeExists(name)) {
            return;
        }
        docker.createVolumeCmd().withName(name).withLabels(labels == null ? Map.of() : labels).exec();
    }

    boolean volumeExists(String name) {
        try {
            docker.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    long dataRootFreeBytes() {
        Path dataRoot = Path.of(docker.infoCmd().exec().getDockerRootDir());
        try {
            return Files.getFileStore(dataRoot).getUsableSpace();
        } catch (IOException notLocal) {
            throw new IllegalStateException("cannot read free space at the engine's data root " + dataRoot
                    + " (Upshift reads it from the local filesystem)", notLocal);
        }
    }
}
