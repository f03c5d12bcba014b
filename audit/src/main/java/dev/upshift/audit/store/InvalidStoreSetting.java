package dev.upshift.audit.store;

/** The store cannot be opened as told (its URL, its password's source); the message says why in one line. */
public class InvalidStoreSetting extends IllegalArgumentException {

    InvalidStoreSetting(String message) {
        super(message);
    }
}
