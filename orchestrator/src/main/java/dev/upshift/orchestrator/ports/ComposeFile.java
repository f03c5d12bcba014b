package dev.upshift.orchestrator.ports;

import java.nio.file.Path;

/** Reads a Docker Compose file, and changes one service's image in it without touching anything else. */
public interface ComposeFile {

    /** @throws InvalidInput when the file is missing, unreadable or not a compose file */
    ComposeProject read(Path file);

    /**
     * Rewrites the {@code image:} value of one service in place — comments, order and layout untouched —
     * and returns the previous value.
     */
    String replaceImage(Path file, String service, String newImage);
}
