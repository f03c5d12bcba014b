package dev.upshift.orchestrator.adapters.docker;

/** An engine call cut short by an interrupt: the flag set again, and one line saying what was under way. */
final class Interrupted {

    private Interrupted() {
    }

    static IllegalStateException whileDoing(String doing, InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while " + doing, interrupted);
    }
}
