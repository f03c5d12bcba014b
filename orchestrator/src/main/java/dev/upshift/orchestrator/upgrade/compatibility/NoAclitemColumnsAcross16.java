package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/** pg-upgrade from before 16 to 16 or later: aclitem's storage changed in 16, so pg_upgrade refuses such columns. */
final class NoAclitemColumnsAcross16 extends CompatibilityCheck {

    private static final int CHANGED_IN = 16;

    NoAclitemColumnsAcross16() {
        super("aclitem columns", UpgradeMethod.PG_UPGRADE);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        if (seen.database().majorVersion() >= CHANGED_IN || seen.target().majorVersion() < CHANGED_IN) {
            return Optional.empty();
        }
        return blocksIfAny(seen.database().aclitemColumns(),
                "aclitem is stored differently from PostgreSQL 16 on and pg_upgrade refuses user columns of it",
                "change each to text or drop it, or plan with --method dump-restore");
    }
}
