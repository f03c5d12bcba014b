package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;

/** Both methods: a dump leaves prepared transactions out (their changes would be lost) and pg_upgrade refuses them. */
final class NoPreparedTransactions extends CompatibilityCheck {

    NoPreparedTransactions() {
        super("prepared transactions", null);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradeMethod method) {
        List<String> prepared = seen.database().preparedTransactions();
        String why = method == UpgradeMethod.PG_UPGRADE ? "pg_upgrade refuses a cluster that has any"
                : "a dump leaves them out, so what they wrote would be lost";
        String count = prepared.size() == 1 ? "1 prepared transaction waits" : prepared.size() + " prepared transactions wait";
        return blocksIfAny(prepared, count + " in the old server (" + why + ")",
                "end each with COMMIT PREPARED 'gid' or ROLLBACK PREPARED 'gid' in its database, then run preflight again");
    }
}
