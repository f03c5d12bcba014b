package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * Every method: a dump leaves prepared transactions out (their changes would be lost), pg_upgrade refuses them, and
 * logical decoding cannot begin while one is open (the subscription's slot waits for it; its changes go only once committed).
 */
final class NoPreparedTransactions extends CompatibilityCheck {

    NoPreparedTransactions() {
        super("prepared transactions", null);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        List<String> prepared = seen.database().preparedTransactions();
        String why = switch (plan.method()) {
            case PG_UPGRADE -> "pg_upgrade refuses a cluster that has any";
            case LOGICAL -> "what they wrote is replicated only once committed, and the subscription's slot cannot be "
                    + "created while one is open";
            case DUMP_RESTORE -> "a dump leaves them out, so what they wrote would be lost";
        };
        String count = prepared.size() == 1 ? "1 prepared transaction waits" : prepared.size() + " prepared transactions wait";
        return blocksIfAny(prepared, count + " in the old server (" + why + ")",
                "end each with COMMIT PREPARED 'gid' or ROLLBACK PREPARED 'gid' in its database, then run preflight again");
    }
}
