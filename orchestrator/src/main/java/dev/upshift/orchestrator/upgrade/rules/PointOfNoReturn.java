package dev.upshift.orchestrator.upgrade.rules;

/**
 * Once the dependents have run on the new version, writes may exist only there: the operator must accept
 * losing them before a rollback. (An automatic rollback, decided after a failed step, goes on, but checks the new
 * server for writes first.)
 */
public record PointOfNoReturn(String upgradeId, boolean dependentsRanOnNewVersion, boolean acceptDataLoss)
        implements DomainRule {

    @Override
    public boolean isViolated() {
        return dependentsRanOnNewVersion && !acceptDataLoss;
    }

    @Override
    public String message() {
        return "the dependents of upgrade " + upgradeId + " have run on the new version, so writes may exist only "
                + "there; a rollback discards them: add --accept-data-loss to roll back anyway";
    }
}
