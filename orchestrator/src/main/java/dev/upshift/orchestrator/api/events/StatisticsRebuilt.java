package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** 5.2: ANALYZE done; extensions updated where the new server has a newer version. */
@Revision("1")
public record StatisticsRebuilt(String upgradeId, Step step, List<String> extensionsUpdated) implements StepOutcome {
}
