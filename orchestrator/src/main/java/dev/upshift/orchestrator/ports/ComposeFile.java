package dev.upshift.orchestrator.ports;

import java.nio.file.Path;
import java.util.List;

/** Reads a Docker Compose file, and changes one service's image, data volume, its mount or a path in its environment without touching anything else. */
public interface ComposeFile {

    /** @throws InvalidInput when the file is missing, unreadable or not a compose file */
    ComposeProject read(Path file);

    /**
     * Rewrites the {@code image:} value of one service in place — comments, order and layout untouched —
     * and returns the previous value.
     */
    String replaceImage(Path file, String service, String newImage);

    /**
     * Makes, in memory only, the edits an upgrade makes at 2.1: the service's image to {@code newImage}, and its data
     * volume's mount unless {@code dataVolume} is null (an upgrade in place keeps it).
     *
     * @throws InvalidInput when either could not be made, as {@link #replaceImage} and {@link #replaceVolume} would
     */
    void rehearseUpgradeEdits(Path file, String service, String newImage, String dataVolume);

    /**
     * Writes a new compose file holding only these services, as the given project: without what ties them to their
     * project (depends_on on services left out, networks, published ports, container_name), relative paths made
     * absolute, named volumes declared plainly. The original is only read.
     *
     * @throws InvalidInput when the original cannot be read as a compose file with those services
     */
    void writeServicesCopy(Path file, List<String> services, String project, Path copy);

    /**
     * Points one service's mount of a named volume at another named volume, declaring the new one at top level
     * (after the last declared volume, or in a new top-level volumes: block at the end of the file); everything
     * else untouched. Does nothing if the service already mounts the new volume there.
     *
     * @throws InvalidInput when the service does not mount the old volume, when either volume is declared
     *         {@code external:} or with a {@code name:}, or when the places to edit are not plainly written
     *         (anchors, merge keys, flow style); the file is then left untouched
     */
    void replaceVolume(Path file, String service, String oldVolume, String newVolume);

    /**
     * Mounts one service's named volume at another path in the container, keeping the mount's mode and everything
     * else in the file. Does nothing if the volume is mounted there already.
     *
     * @throws InvalidInput when the target is not an absolute path, when the service does not mount the volume
     *         exactly once, or when the mount is not plainly written (anchors, merge keys, flow style); the file is
     *         then left untouched
     */
    void replaceMountTarget(Path file, String service, String volume, String newTarget);

    /**
     * Sets one variable of one service's environment to an absolute path, in the style the environment is written
     * in; everything else untouched. Does nothing if the file sets it so already.
     *
     * @throws InvalidInput when the value is not an absolute path, when the service sets the variable to another
     *         value, or when its environment is not plainly written; the file is then left untouched
     */
    void setEnvironmentPath(Path file, String service, String variable, String path);
}
