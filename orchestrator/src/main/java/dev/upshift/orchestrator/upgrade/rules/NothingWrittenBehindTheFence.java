package dev.upshift.orchestrator.upgrade.rules;

/**
 * 3.1: what the new server receives — the final dump (dump-restore), or the cluster as counted (pg-upgrade) — must
 * be the fenced data: the write counter read at the fence and again at the end proves no row was written between.
 * Only a superuser gets past the fence.
 */
public record NothingWrittenBehindTheFence(long writesSinceFence) implements DomainRule {

    @Override
    public boolean isViolated() {
        return writesSinceFence != 0;
    }

    @Override
    public String message() {
        return writesSinceFence + " rows were written behind the fence during step 3.1: "
                + "a client is connected as a superuser; stop it and run the upgrade again";
    }
}
