package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/** logical: a publication leaves unlogged tables out (they write no WAL), so their rows would not reach the new server. */
final class NoUnloggedTables extends CompatibilityCheck {

    NoUnloggedTables() {
        super("unlogged tables", UpgradeMethod.LOGICAL);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        return blocksIfAny(seen.database().logical().unloggedTables(),
                "logical replication leaves unlogged tables out, so their rows would not reach the new server",
                "ALTER TABLE … SET LOGGED each (it rewrites the table), or plan with --method dump-restore or pg-upgrade");
    }
}
