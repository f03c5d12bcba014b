package dev.upshift.orchestrator.api.queries;

/** The raw history of one upgrade, every event as stored, in order: a list of {@link StoredEvent}. */
public record FindEvents(String upgradeId) {
}
