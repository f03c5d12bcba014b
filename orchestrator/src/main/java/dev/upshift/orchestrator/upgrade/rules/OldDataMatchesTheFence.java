package dev.upshift.orchestrator.upgrade.rules;

import java.util.List;

import dev.upshift.orchestrator.api.Baseline;

/**
 * R: the rolled-back database is the one left behind: the baseline's schema facts and, if the database was fenced,
 * every table's rows as counted at the fence.
 */
public record OldDataMatchesTheFence(Baseline baseline, List<Baseline.TableRows> fenceCounts, Baseline observed)
        implements DomainRule {

    @Override
    public boolean isViolated() {
        return !IntegrityCheck.differences(baseline, fenceCounts, observed).isEmpty();
    }

    @Override
    public String message() {
        return "the old database differs from before the upgrade: "
                + String.join("; ", IntegrityCheck.differences(baseline, fenceCounts, observed));
    }
}
