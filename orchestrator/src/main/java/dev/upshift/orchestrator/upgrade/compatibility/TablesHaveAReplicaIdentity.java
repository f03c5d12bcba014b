package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * logical: once a table is published, the old server refuses UPDATE and DELETE on it unless its rows can be identified
 * (a primary key, a replica identity index, or FULL), so the dependents would fail while the stack serves: a blocker.
 */
final class TablesHaveAReplicaIdentity extends CompatibilityCheck {

    TablesHaveAReplicaIdentity() {
        super("replica identity", UpgradeMethod.LOGICAL);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        return blocksIfAny(seen.database().logical().tablesWithoutIdentity(),
                "once published, UPDATE and DELETE fail on the old server for tables with neither a primary key nor "
                        + "a replica identity",
                "add a primary key to each (ALTER TABLE … ADD PRIMARY KEY (…)), or ALTER TABLE … REPLICA IDENTITY FULL "
                        + "(each update and delete then sends and matches the whole row: slower)");
    }
}
