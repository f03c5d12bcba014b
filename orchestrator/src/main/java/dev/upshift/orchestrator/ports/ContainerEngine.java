package dev.upshift.orchestrator.ports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.upshift.orchestrator.api.ContainerSpec;

/**
 * The Docker engine, as much of it as the runbook uses. Every method that changes something is idempotent:
 * stopping a stopped container or creating a volume that exists does nothing. No method removes a volume but a
 * scratch one, a rehearsal's, or {@link #removeUnusedVolume}, which only retention's 6.2 calls, with a name the
 * upgrade's events recorded.
 */
public interface ContainerEngine {

    /** @throws EngineUnreachable when the engine does not answer */
    void ping();

    /** Containers (running or not) that Compose created from this file: the config_files label names it. */
    List<ContainerInfo> composeContainers(Path composeFile);

    /** The containers of one service of one compose project, running or not. */
    List<ContainerInfo> serviceContainers(String project, String service);

    Optional<ImageInfo> image(String reference);

    /** Pulls an image from its registry; fails with the registry's answer if it cannot. */
    void pull(String reference);

    /** Runs a command in a throwaway container of the image (its entrypoint bypassed) and removes it. */
    CommandResult runOnce(String image, List<String> command);

    /** Runs a one-off container to its end (or its time limit) and removes it, with its anonymous volumes only. */
    CommandResult run(OneOffRun run);

    /**
     * The same, handing each line it prints, stdout or stderr, to the listener as it arrives ({@code pg_upgrade
     * --verbose}); the result keeps only the last 64 KiB of each, where a failure's reason is.
     */
    CommandResult run(OneOffRun run, Consumer<String> outputLines);

    /** Free bytes on the filesystem that holds the engine's volumes and images. */
    long dataRootFreeBytes();

    /** The container's configuration without its image's defaults (see {@link ContainerSpec}). */
    ContainerSpec spec(String containerId);

    /** Stops a running container, waiting up to the timeout for a clean exit; does nothing if it is stopped. */
    void stop(String containerId, Duration timeout);

    /** Starts a stopped container; does nothing if it runs. */
    void start(String containerId);

    /**
     * Removes a stopped container, never its volumes; does nothing if it is gone.
     *
     * @throws IllegalStateException when the container runs: stopping it is the caller's decision
     */
    void remove(String containerId);

    /**
     * Creates (not starts) a container from a spec whose environment values are all present, on the spec's
     * image, attached to every network with its aliases; returns its id.
     */
    String create(ContainerSpec spec);

    /** Renames a container, running or not; does nothing if it has that name already. */
    void rename(String containerId, String name);

    /** The id of the image the container was created from. */
    String imageIdOf(String containerId);

    /** The names of the containers, running or not, created from this image reference (compose's {@code image:}). */
    List<String> containersOf(String reference);

    /**
     * Removes an image reference as {@code docker rmi} does, never forced: the image goes with its last reference;
     * does nothing if the reference is gone.
     *
     * @throws IllegalStateException when a container uses the image
     */
    void removeImage(String reference);

    /**
     * Removes a named volume no container uses; does nothing if it is gone.
     *
     * @throws IllegalStateException when a container, running or not, uses it
     */
    void removeUnusedVolume(String name);

    /** The label, and its value, of a volume made for a throwaway job: the only kind {@link #removeScratchVolume} removes. */
    String PURPOSE = "dev.upshift.purpose";
    String SCRATCH = "scratch";

    /** Removes a volume labelled {@link #SCRATCH}; refuses any other, removing nothing; nothing if it is gone. */
    void removeScratchVolume(String name);

    /** The label, its value the upgrade's id, of every volume an upgrade makes. */
    String MADE_BY = "dev.upshift.upgrade";

    /** The volumes labelled as made by this upgrade ({@link #MADE_BY}). */
    List<String> volumesMadeBy(String upgradeId);

    /**
     * Removes a volume labelled as made by this upgrade; refuses any other, removing nothing; nothing if it is gone.
     * Only for a rehearsal's upgrade, whose every volume is scratch: a real upgrade's volumes hold data.
     */
    void removeVolumeMadeBy(String upgradeId, String name);

    /**
     * Creates an internal network — its containers reach each other and the engine's host, nothing beyond — with these
     * labels; does nothing if it exists.
     */
    void createInternalNetwork(String name, Map<String, String> labels);

    /** The networks labelled as made by this upgrade ({@link #MADE_BY}). */
    List<String> networksMadeBy(String upgradeId);

    /** Removes a network labelled as made by this upgrade; refuses any other; nothing if it is gone. */
    void removeNetworkMadeBy(String upgradeId, String name);

    /** Creates a named volume with these labels; does nothing if it exists. */
    void createVolume(String name, Map<String, String> labels);

    boolean volumeExists(String name);

    /** Runs a command in a running container and collects what it printed. */
    default CommandResult exec(String containerId, List<String> command) {
        return exec(containerId, command, line -> { });
    }

    /**
     * The same, handing each line of stderr to the listener as it arrives: the tools report their progress there
     * ({@code pg_restore --verbose}).
     */
    CommandResult exec(String containerId, List<String> command, Consumer<String> stderrLines);

    /**
     * Runs a command in a running container and streams its stdout into a new file (mode 0600), so large dumps
     * never sit in memory, handing each line of stderr to the listener as it arrives ({@code pg_dump --verbose}).
     * Returns the command's result with stdout empty.
     */
    CommandResult execToFile(String containerId, List<String> command, Path file, Consumer<String> stderrLines);

    /** Copies a local file into a container (running or not) at the given absolute path. */
    void copyInto(String containerId, Path file, String containerPath);

    /**
     * Waits until the container is healthy (or running, for a container without a health check) and returns its
     * state then; returns as soon as it exits, and at the timeout with whatever state it is in.
     */
    ContainerInfo awaitHealthy(String containerId, Duration timeout);

    /** The container's state and health now. */
    ContainerInfo state(String containerId);

    /**
     * Runs the container's own health-check command in it once, as the engine would at its next interval; true
     * when it passes (one pass is what turns the engine's status healthy). A running container without a health
     * check passes; a stopped one never does.
     */
    boolean passesHealthCheck(String containerId);

    /** The last lines the container printed, stdout and stderr together, to explain a failure. */
    String logTail(String containerId, int lines);
}
