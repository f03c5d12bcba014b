package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 2.4 (logical): how far the copy and the catch-up are, recorded every few seconds while they last.
 *
 * @param lagBytes  the old server's log not yet confirmed by the new one
 * @param lagMillis how far the new server's replay is behind, as the old server's sender measures it (-1: unknown)
 */
@Revision("1")
public record ReplicationProgressed(String upgradeId, Step step, int tablesCopied, int tables, long lagBytes,
                                    long lagMillis) implements StepProgress {
}
