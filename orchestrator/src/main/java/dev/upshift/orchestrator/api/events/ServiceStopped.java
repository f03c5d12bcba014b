package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.1: a dependent stopped (the first one marks the start of the downtime). */
@Revision("1")
public record ServiceStopped(String upgradeId, Step step, String service, String container) implements StepProgress {
}
