package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.1: the dump and the roles that are restored, taken behind the fence; writesSinceFence proves nothing was written meanwhile. */
@Revision("1")
public record FinalDumpTaken(String upgradeId, Step step, BackupFile file, BackupFile roles, long writesSinceFence) implements StepOutcome {
}
