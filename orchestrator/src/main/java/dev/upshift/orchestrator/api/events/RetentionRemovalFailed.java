package dev.upshift.orchestrator.api.events;

import java.time.Instant;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * A Phase 6 step failed: the upgrade stays completed, and the step is tried again at {@code retryAt} — or, after
 * the last attempt, not (null): then {@code upshift cleanup ID --now --yes} tries again.
 */
@Revision("1")
public record RetentionRemovalFailed(String upgradeId, Step step, String reason, int attempt, Instant retryAt)
        implements UpgradeEvent {
}
