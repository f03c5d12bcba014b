package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 0.5 done: no check blocks the upgrade; the checks run for the plan's method and the warnings found, by check. */
@Revision("1")
public record CompatibilityChecksPassed(String upgradeId, Step step, List<String> checks, List<String> warnings)
        implements StepOutcome {

    public CompatibilityChecksPassed {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }
}
