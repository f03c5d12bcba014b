package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;


/** A runbook step started; its outcome event or a failure ends it. */
@Revision("1")
public record StepStarted(String upgradeId, Step step) implements UpgradeEvent {
}
