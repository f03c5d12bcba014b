package dev.upshift.orchestrator.api;

import java.time.Instant;
import java.util.List;

/**
 * Where one upgrade stands, for {@code upshift status}.
 *
 * @param currentStep the step in progress, or null
 * @param lastFailure why the last failed step failed, or null
 * @param baseline the Phase 0 baseline, or null before 0.1 ran
 */
public record UpgradeView(
        String upgradeId,
        UpgradeStatus status,
        String project,
        String service,
        String sourceImage,
        String targetImage,
        String method,
        List<String> stopOrder,
        Instant plannedAt,
        Instant updatedAt,
        String currentStep,
        String lastFailure,
        Baseline baseline) {

    public UpgradeView {
        stopOrder = List.copyOf(stopOrder);
    }
}
