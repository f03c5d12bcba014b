package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Phase;
import org.axonframework.serialization.Revision;


/** Phase 0 passed: the upgrade may proceed. */
@Revision("1")
public record PreflightPassed(String upgradeId) implements UpgradeEvent {
}
