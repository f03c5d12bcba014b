package dev.upshift.audit.store;

/** The store URL cannot be used as given; the message says why and what to give instead, in one line. */
public class InvalidStoreUrl extends InvalidStoreSetting {

    InvalidStoreUrl(String message) {
        super(message);
    }
}
