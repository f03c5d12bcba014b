package dev.upshift.orchestrator.api;

import org.axonframework.serialization.Revision;

/** A process started running the upgrade; runner names it (host and pid), untilPhase where it pauses (or null). */
@Revision("1")
public record RunStarted(String upgradeId, String runner, Integer untilPhase) implements UpgradeEvent {
}
