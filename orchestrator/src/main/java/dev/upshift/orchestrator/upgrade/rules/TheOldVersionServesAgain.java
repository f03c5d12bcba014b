package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.Baseline;

/** R: after the rollback the database service runs the major version it ran before the upgrade. */
public record TheOldVersionServesAgain(Baseline baseline, Baseline observed) implements DomainRule {

    @Override
    public boolean isViolated() {
        return observed.majorVersion() != baseline.majorVersion();
    }

    @Override
    public String message() {
        return "the database service runs PostgreSQL " + observed.serverVersion() + ", not " + baseline.serverVersion();
    }
}
