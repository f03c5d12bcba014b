package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.DiskSpace;
import dev.upshift.orchestrator.api.Step;
import java.util.List;

import org.axonframework.serialization.Revision;

/** 0.2: free space where the backups and the new data will go, each sufficient. */
@Revision("1")
public record DiskSpaceChecked(String upgradeId, Step step, List<DiskSpace> locations) implements StepOutcome {
}
