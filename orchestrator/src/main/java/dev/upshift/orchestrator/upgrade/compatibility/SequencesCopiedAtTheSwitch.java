package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/** logical: logical replication does not carry sequences' values; 3.2 copies them once the writes have stopped. */
final class SequencesCopiedAtTheSwitch extends CompatibilityCheck {

    SequencesCopiedAtTheSwitch() {
        super("sequences", UpgradeMethod.LOGICAL);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        int count = seen.database().logical().sequences();
        if (count == 0) {
            return Optional.empty();
        }
        return warns(count + (count == 1 ? " sequence, whose value" : " sequences, whose values")
                        + " logical replication does not carry",
                "nothing: they are copied at the switch (3.2)");
    }
}
