package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 1.1–1.3: a backup file written (custom dump, SQL dump or roles), with its size and sha256. */
@Revision("1")
public record BackupCreated(String upgradeId, Step step, String kind, BackupFile file) implements StepOutcome {
}
