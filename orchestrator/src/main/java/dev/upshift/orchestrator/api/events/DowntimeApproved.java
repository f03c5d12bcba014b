package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Phase;
import org.axonframework.serialization.Revision;

/** The operator approved the downtime of Phase 3. */
@Revision("1")
public record DowntimeApproved(String upgradeId) implements UpgradeEvent {
}
