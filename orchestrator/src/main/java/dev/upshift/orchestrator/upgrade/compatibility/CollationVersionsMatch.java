package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * Every method: a database or collation whose recorded collation version is not the C library's now was created under
 * another libc; its text indexes may already be out of order, which a restore or a subscription's copy turns into
 * duplicate-key failures and pg_upgrade carries over as they are.
 */
final class CollationVersionsMatch extends CompatibilityCheck {

    CollationVersionsMatch() {
        super("collation versions", null);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        List<String> mismatches = seen.database().collationMismatches();
        return mismatches.isEmpty() ? Optional.empty() : warns("recorded collation versions differ from the C "
                        + "library's now, so text indexes may be out of order already: " + listed(mismatches),
                "before the upgrade, REINDEX the indexes on text columns there, then ALTER DATABASE … REFRESH "
                        + "COLLATION VERSION (ALTER COLLATION … REFRESH VERSION for a collation)");
    }
}
