package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * pg-upgrade: a column of a reg* type (regproc, regoper, …; not regclass, regrole or regtype) stores OIDs that a
 * new catalog does not keep, so pg_upgrade refuses it. A dump writes names, which is why dump-restore is unaffected.
 */
final class NoRegTypeColumns extends CompatibilityCheck {

    NoRegTypeColumns() {
        super("reg* columns", UpgradeMethod.PG_UPGRADE);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        return blocksIfAny(seen.database().regTypeColumns(),
                "pg_upgrade refuses user columns of reg* types, whose OIDs the new catalog does not keep",
                "change each to text (ALTER TABLE … ALTER COLUMN … TYPE text) or drop it, or plan with --method dump-restore");
    }
}
