package dev.upshift.orchestrator.steps;

/** A step could not complete; the message says what was seen, for the execution log. */
public class StepFailure extends RuntimeException {

    public StepFailure(String message) {
        super(message);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
