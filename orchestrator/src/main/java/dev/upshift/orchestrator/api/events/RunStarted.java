package dev.upshift.orchestrator.api.events;

import org.axonframework.serialization.Revision;

/** A process started running the upgrade; runner names it, until is the phase ("3") or step ("3.5") after which it pauses, or null. */
@Revision("2")
public record RunStarted(String upgradeId, String runner, String until) implements UpgradeEvent {
}
