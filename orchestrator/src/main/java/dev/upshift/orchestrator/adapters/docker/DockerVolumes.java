package dev.upshift.orchestrator.adapters.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.upshift.orchestrator.ports.ContainerEngine;

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

    /** Refuses, removing nothing, unless the volume carries the scratch label: a data volume is never removed here. */
    void removeScratchVolume(String name) {
        removeLabelled(name, ContainerEngine.PURPOSE, ContainerEngine.SCRATCH, "a scratch volume of Upshift's");
    }

    List<String> volumesMadeBy(String upgradeId) {
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(ContainerEngine.MADE_BY + "=" + upgradeId))
                .exec().getVolumes();
        return volumes == null ? List.of() : volumes.stream().map(InspectVolumeResponse::getName).sorted().toList();
    }

    void removeVolumeMadeBy(String upgradeId, String name) {
        removeLabelled(name, ContainerEngine.MADE_BY, upgradeId, "made by " + upgradeId);
    }

    private void removeLabelled(String name, String label, String value, String what) {
        Map<String, String> labels;
        try {
            labels = docker.inspectVolumeCmd(name).exec().getLabels();
        } catch (NotFoundException gone) {
            return;
        }
        if (labels == null || !value.equals(labels.get(label))) {
            throw new IllegalStateException("volume " + name + " is not " + what + "; it is kept");
        }
        docker.removeVolumeCmd(name).exec();
    }

    /** The engine itself refuses a volume in use (409), by a running container or a stopped one. */
    void removeUnused(String name) {
        if (!volumeExists(name)) {
            return;
        }
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (ConflictException inUse) {
            throw new IllegalStateException("volume " + name + " is in use: " + inUse.getMessage(), inUse);
        } catch (NotFoundException removedMeanwhile) {
            // removed between the look and the act
        }
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
