package dev.upshift.orchestrator.api;

import java.time.Instant;

/**
 * One thing an upgrade keeps after it completed, and until when: the kept old container, the old image, a volume
 * (the old one, or 3.3's copy) or a backup file — each named as the upgrade's own events recorded it.
 *
 * @param step the Phase 6 step that removes it
 */
public record Retained(String kind, String name, Step step, Instant until) {

    public static final String CONTAINER = "container";
    public static final String IMAGE = "image";
    public static final String VOLUME = "volume";
    public static final String BACKUP = "backup";

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
