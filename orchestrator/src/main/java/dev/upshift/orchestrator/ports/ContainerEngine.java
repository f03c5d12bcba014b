package dev.upshift.orchestrator.ports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The Docker engine, as much of it as the runbook uses. */
public interface ContainerEngine {

    /** @throws EngineUnreachable when the engine does not answer */
    void ping();

    /** Containers (running or not) that Compose created from this file: the config_files label names it. */
    List<ContainerInfo> composeContainers(Path composeFile);

    /** The containers of one service of one compose project, running or not. */
    List<ContainerInfo> serviceContainers(String project, String service);

    Optional<ImageInfo> image(String reference);

    /** Runs a command in a throwaway container of the image (its entrypoint bypassed) and removes it. */
    CommandResult runOnce(String image, List<String> command);

    /** Free bytes on the filesystem that holds the engine's volumes and images. */
    long dataRootFreeBytes();
}
