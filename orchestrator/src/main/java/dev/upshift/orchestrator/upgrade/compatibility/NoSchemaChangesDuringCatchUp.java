package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * logical: logical replication carries rows, not schema changes, and none can be foreseen at the pre-flight; the
 * operator is told to hold them, and 3.2 compares the tables of both servers and rolls back if one changed.
 */
final class NoSchemaChangesDuringCatchUp extends CompatibilityCheck {

    NoSchemaChangesDuringCatchUp() {
        super("schema changes", UpgradeMethod.LOGICAL);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        return warns("logical replication does not carry schema changes (DDL, migrations) made while the new server "
                        + "catches up",
                "make none until the upgrade is done: 3.2 compares the tables of both servers and rolls back if one changed");
    }
}
