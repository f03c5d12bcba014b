package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** 3.1: no client but Upshift can write: other sessions ended, new ones refused; the exact row counts at that instant. */
@Revision("1")
public record DatabaseFenced(String upgradeId, Step step, int previousConnectionLimit, int terminatedSessions, List<Baseline.TableRows> tables, long writeCounter) implements StepProgress {
}
