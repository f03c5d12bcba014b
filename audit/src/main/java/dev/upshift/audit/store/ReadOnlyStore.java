package dev.upshift.audit.store;

/** A command that writes, started as a role that may only read the store: refused before it does anything. */
final class ReadOnlyStore extends InvalidStoreSetting {

    ReadOnlyStore(String role) {
        super("the store's role " + role + " may only read; this command writes: run it as a role with write access");
    }
}
