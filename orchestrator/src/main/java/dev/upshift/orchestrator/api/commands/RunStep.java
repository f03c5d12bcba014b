package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.Step;

/** Perform one runbook step against the stack: handled by the step runner, which does the I/O. */
public record RunStep(String upgradeId, Step step, String runner) {
}
