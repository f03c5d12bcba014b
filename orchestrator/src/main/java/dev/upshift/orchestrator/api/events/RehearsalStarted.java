package dev.upshift.orchestrator.api.events;

import org.axonframework.serialization.Revision;

/**
 * A rehearsal started, before anything was copied.
 *
 * @param scratchProject the compose project the scratch copy runs as, apart from the live stack's
 */
@Revision("1")
public record RehearsalStarted(String upgradeId, String rehearsalId, String scratchProject) implements RehearsalEvent {
}
