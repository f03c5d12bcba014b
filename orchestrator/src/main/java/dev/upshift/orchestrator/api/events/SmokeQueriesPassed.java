package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** 5.3: the smoke queries answered as the baseline says. */
@Revision("1")
public record SmokeQueriesPassed(String upgradeId, Step step, List<String> checks) implements StepOutcome {
}
