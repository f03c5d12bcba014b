package dev.upshift.orchestrator.upgrade.rules;

/**
 * 3.1: the final dump is the one restored, so no row may be written between the fence and the dump's end — the
 * write counter read before and after it proves it. Only a superuser gets past the fence.
 */
public record NothingWrittenBehindTheFence(long writesSinceFence) implements DomainRule {

    @Override
    public boolean isViolated() {
        return writesSinceFence != 0;
    }

    @Override
    public String message() {
        return writesSinceFence + " rows were written behind the fence while the final dump was taken: "
                + "a client is connected as a superuser; stop it and run the upgrade again";
    }
}
