package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.LogicalReplicationReadiness;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * logical: the subscription holds one replication slot and one WAL sender of the old server for as long as it runs,
 * and its initial copy takes one more of each per table copied at once; with none spare for the copy, it never ends.
 */
final class ReplicationHeadroom extends CompatibilityCheck {

    /** The subscription's own, and one for the initial copy (which then copies the tables one at a time). */
    static final int SPARE_NEEDED = 2;

    ReplicationHeadroom() {
        super("replication headroom", UpgradeMethod.LOGICAL);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        LogicalReplicationReadiness logical = seen.database().logical();
        int slotsInUse = seen.database().replicationSlots().size();
        List<String> shortfalls = new ArrayList<>();
        List<String> raise = new ArrayList<>();
        if (logical.maxReplicationSlots() - slotsInUse < SPARE_NEEDED) {
            shortfalls.add("max_replication_slots is " + logical.maxReplicationSlots() + " with " + slotsInUse + " in use");
            raise.add("max_replication_slots to at least " + (slotsInUse + SPARE_NEEDED));
        }
        if (logical.maxWalSenders() - logical.walSendersInUse() < SPARE_NEEDED) {
            shortfalls.add("max_wal_senders is " + logical.maxWalSenders() + " with " + logical.walSendersInUse() + " running");
            raise.add("max_wal_senders to at least " + (logical.walSendersInUse() + SPARE_NEEDED));
        }
        if (shortfalls.isEmpty()) {
            return Optional.empty();
        }
        return blocks(String.join(" and ", shortfalls) + "; the subscription needs " + SPARE_NEEDED + " of each spare: "
                        + "one it holds while it runs, one for its initial table copy (a temporary slot and a sender "
                        + "per table copied at once)",
                "raise " + String.join(" and ", raise) + " and restart the server, or drop slots nothing reads "
                        + "(SELECT pg_drop_replication_slot('name'))");
    }
}
