package dev.upshift.orchestrator.api;

import org.axonframework.serialization.Revision;

/** The operator approved the downtime of Phase 3. */
@Revision("1")
public record DowntimeApproved(String upgradeId) implements UpgradeEvent {
}
