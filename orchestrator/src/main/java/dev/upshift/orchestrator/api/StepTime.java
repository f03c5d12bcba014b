package dev.upshift.orchestrator.api;

import java.time.Duration;

/**
 * How long one step took, as a rehearsal measured it.
 *
 * @param step its number in the rehearsal's runbook, e.g. "3.5"
 */
public record StepTime(String step, String title, Duration took) {
}
