package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * R (the full rollback): the old version runs again on a fresh volume, restored from a dump Upshift took — the final
 * dump behind the fence where there is one (dump-restore), else the pre-upgrade backup of 1.1 — and the compose file
 * names that volume. The old volume and the new one are kept.
 */
@Revision("1")
public record OldVersionRestored(String upgradeId, Step step, String containerId, String volume, String dump)
        implements StepOutcome {
}
