package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ReplicationSlot;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * Every method: a dump and logical replication carry no replication slot; pg_upgrade carries logical slots only from
 * a 17 or later cluster (and only once their consumers have caught up), physical ones never. Their consumers need them
 * made again.
 */
final class ReplicationSlotsAreNotCarried extends CompatibilityCheck {

    private static final int LOGICAL_SLOTS_CARRIED_FROM = 17;

    ReplicationSlotsAreNotCarried() {
        super("replication slots", null);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        List<ReplicationSlot> slots = seen.database().replicationSlots();
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        boolean carriesLogical = plan.method() == UpgradeMethod.PG_UPGRADE
                && seen.database().majorVersion() >= LOGICAL_SLOTS_CARRIED_FROM;
        List<ReplicationSlot> lost = slots.stream().filter(slot -> !(carriesLogical && slot.logical())).toList();
        List<ReplicationSlot> carried = slots.stream().filter(slot -> carriesLogical && slot.logical()).toList();
        String why = plan.method() == UpgradeMethod.DUMP_RESTORE ? "a dump carries no replication slot"
                : plan.method() == UpgradeMethod.LOGICAL ? "logical replication carries no replication slot to the new server"
                : carriesLogical ? "pg_upgrade carries logical slots whose consumers have caught up, never physical ones"
                : "pg_upgrade carries no slot from a cluster before 17";
        return warns(why + (lost.isEmpty() ? "" : "; lost: " + listed(lost))
                        + (carried.isEmpty() ? "" : "; carried if caught up: " + listed(carried)),
                "stop their consumers before the downtime; after the upgrade create the lost slots again and "
                        + "resynchronise what read them (a standby needs a new base backup)");
    }
}
