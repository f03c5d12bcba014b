package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 0.5: one compatibility check found something in the old server or the target image: whether it blocks the upgrade
 * or warns, what was found (the objects named) and what the operator does about it.
 */
@Revision("1")
public record CompatibilityIssueFound(String upgradeId, Step step, String check, Verdict verdict, String detail,
                                      String remedy) implements StepProgress {

    /** A blocking finding fails the pre-flight; a warning is recorded and the upgrade may go on. */
    public enum Verdict {
        BLOCKS, WARNS
    }
}
