package dev.upshift.orchestrator.steps;

/** A step could not complete; the message says what was seen, for the execution log. */
public class StepFailed extends RuntimeException {

    public StepFailed(String message) {
        super(message);
    }

    public StepFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
