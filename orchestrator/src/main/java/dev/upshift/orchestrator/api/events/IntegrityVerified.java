package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** 3.7: schema facts match the baseline and every table's row count matches the fence's. */
@Revision("1")
public record IntegrityVerified(String upgradeId, Step step, int tables, long rows, List<Baseline.ExtensionVersion> extensions, String migrationVersion, long writeCounter) implements StepOutcome {
}
