package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** 1.4: every backup file still has its recorded checksum, and the custom dump's table of contents is readable. */
@Revision("1")
public record BackupVerified(String upgradeId, Step step, int tocEntries, List<BackupFile> files) implements StepOutcome {
}
