package dev.upshift.orchestrator.api;

/**
 * 0.5: the old server and the target image as the step found them, for the aggregate to judge with its
 * compatibility checks ({@code upgrade.compatibility}) before it records the findings and the outcome or the failure.
 */
public record CompatibilityObserved(String upgradeId, Step step, DatabaseCompatibility database,
                                    TargetImageContents target) implements StepReport {
}
