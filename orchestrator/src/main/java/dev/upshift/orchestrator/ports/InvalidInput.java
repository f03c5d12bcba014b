package dev.upshift.orchestrator.ports;

/** The operator's input cannot be used; the message says what is wrong and how to fix it, in one line. */
public class InvalidInput extends RuntimeException {

    public InvalidInput(String message) {
        super(message);
    }

    public InvalidInput(String message, Throwable cause) {
        super(message, cause);
    }
}
