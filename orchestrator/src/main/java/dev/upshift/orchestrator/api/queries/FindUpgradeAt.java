package dev.upshift.orchestrator.api.queries;

import java.time.Instant;

/** One upgrade as it stood at an instant, rebuilt from its events up to then: an {@link UpgradeAt}. */
public record FindUpgradeAt(String upgradeId, Instant at) {
}
