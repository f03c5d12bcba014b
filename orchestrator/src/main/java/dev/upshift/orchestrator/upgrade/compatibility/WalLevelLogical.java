package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * logical: logical decoding needs {@code wal_level=logical}, which only a restart of the old server sets. With the
 * plan's approval ({@code --allow-restart}) 2.2 does it while the stack serves; without it the operator must.
 */
final class WalLevelLogical extends CompatibilityCheck {

    private static final String NEEDED = "logical";

    WalLevelLogical() {
        super("wal_level", UpgradeMethod.LOGICAL);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        String level = seen.database().logical().walLevel();
        if (NEEDED.equals(level)) {
            return Optional.empty();
        }
        String detail = "wal_level is " + level + " and logical decoding needs " + NEEDED;
        return plan.restartAllowed()
                ? warns(detail, "nothing: 2.2 restarts the old server once with wal_level=logical, as the plan allows "
                + "(a few seconds; the dependents' connections drop once)")
                : blocks(detail, "plan again with --allow-restart, or set wal_level=logical and restart the server yourself");
    }
}
