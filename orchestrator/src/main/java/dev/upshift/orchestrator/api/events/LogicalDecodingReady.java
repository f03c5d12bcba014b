package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 2.2 (logical): the old server decodes its log logically. previousWalLevel is what it had; when that was not
 * {@code logical}, the plan allowed a restart ({@code --allow-restart}) and restartMillis is how long the old server
 * was away (else 0).
 */
@Revision("1")
public record LogicalDecodingReady(String upgradeId, Step step, String previousWalLevel, boolean restarted,
                                   long restartMillis) implements StepOutcome {
}
