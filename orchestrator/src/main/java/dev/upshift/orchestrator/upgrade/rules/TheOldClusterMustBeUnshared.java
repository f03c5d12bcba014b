package dev.upshift.orchestrator.upgrade.rules;

/**
 * The quick rollback starts the old server on its own volume, which it cannot once the new server has run on data
 * files the old cluster shares (pg_upgrade's link): then only the full rollback, from a dump, brings the old version back.
 */
public record TheOldClusterMustBeUnshared(String upgradeId, boolean quick, boolean pointOfNoReturnPassed)
        implements DomainRule {

    @Override
    public boolean isViolated() {
        return quick && pointOfNoReturnPassed;
    }

    @Override
    public String message() {
        return "the new server of upgrade " + upgradeId + " has started on data files the old cluster shares "
                + "(pg_upgrade --link), so the old cluster cannot run again; roll back with --mode full, which restores "
                + "the old version from the dump into a fresh volume";
    }
}
