package dev.upshift.orchestrator.api.events;

import org.axonframework.serialization.Revision;

/**
 * The rehearsal did not get through: what would have failed, before anybody's downtime.
 *
 * @param step the rehearsal's step that failed ("3.5 Start the new server and restore the final dump"), or what
 *        failed before its upgrade ran ("the scratch copy")
 */
@Revision("1")
public record RehearsalFailed(String upgradeId, String rehearsalId, String step, String reason) implements RehearsalEvent {
}
