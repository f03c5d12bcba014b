package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * pg-upgrade: the data files keep the old index order, so when the target's C library sorts differently every index
 * on a libc-collated column must be rebuilt after the upgrade (3.9 does it). A restore builds every index anew, hence dump-restore
 * is unaffected.
 */
final class SameCLibraryOrReindex extends CompatibilityCheck {

    SameCLibraryOrReindex() {
        super("C library", UpgradeMethod.PG_UPGRADE);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        String old = seen.database().collationVersion();
        String target = seen.target().libcVersion();
        if (old == null || Objects.equals(old, target)) {
            return Optional.empty();
        }
        List<String> indexes = seen.database().collatableIndexes();
        String change = "the C library changes from glibc " + old + " to "
                + (target == null ? "one that is not glibc" : "glibc " + target);
        return warns(change + (indexes.isEmpty() ? "; no index depends on its collation"
                        : ": " + indexes.size() + " index" + (indexes.size() == 1 ? "" : "es")
                        + " on collatable columns must be rebuilt: " + listed(indexes)),
                "nothing: 3.9 rebuilds " + (indexes.isEmpty() ? "any such index" : "them")
                        + " in the downtime, before the dependents start, and refreshes the recorded collation versions");
    }
}
