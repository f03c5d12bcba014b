package dev.upshift.orchestrator.upgrade.compatibility;

import dev.upshift.orchestrator.api.events.CompatibilityIssueFound.Verdict;

/** What one check found: whether it blocks or warns, what it saw (naming the objects), and what to do. */
public record CompatibilityFinding(String check, Verdict verdict, String detail, String remedy) {

    public boolean blocks() {
        return verdict == Verdict.BLOCKS;
    }

    /** The line an operator reads: "prepared transactions: … — do: …". */
    public String line() {
        return check + ": " + detail + " — " + remedy;
    }
}
