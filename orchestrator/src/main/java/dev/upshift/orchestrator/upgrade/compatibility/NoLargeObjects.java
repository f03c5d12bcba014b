package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/** logical: logical replication does not carry large objects (pg_largeobject), so the new server would lack them. */
final class NoLargeObjects extends CompatibilityCheck {

    NoLargeObjects() {
        super("large objects", UpgradeMethod.LOGICAL);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        long count = seen.database().logical().largeObjects();
        if (count == 0) {
            return Optional.empty();
        }
        return blocks(count + (count == 1 ? " large object is" : " large objects are")
                        + " in the database, and logical replication does not carry them",
                "plan with --method dump-restore or --method pg-upgrade, which carry them, or move them into bytea "
                        + "columns and lo_unlink them first");
    }
}
