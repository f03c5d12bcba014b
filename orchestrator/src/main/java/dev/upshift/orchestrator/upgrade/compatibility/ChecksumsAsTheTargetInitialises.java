package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * Every method: initdb turns data checksums on by default from PostgreSQL 18. A restore or a subscription fills a
 * cluster the target image initialises with its default; pg_upgrade needs the new cluster to repeat the old setting, so it keeps it.
 */
final class ChecksumsAsTheTargetInitialises extends CompatibilityCheck {

    private static final int ON_BY_DEFAULT_FROM = 18;

    ChecksumsAsTheTargetInitialises() {
        super("data checksums", null);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        boolean old = seen.database().database().dataChecksums();
        int target = seen.target().majorVersion();
        boolean targetDefault = target >= ON_BY_DEFAULT_FROM;
        if (old == targetDefault) {
            return Optional.empty();
        }
        if (plan.method() == UpgradeMethod.PG_UPGRADE) {
            return warns("the new cluster keeps data checksums " + onOff(old) + ", as the old one has them (pg_upgrade "
                            + "needs both alike), where PostgreSQL " + target + "'s default is " + onOff(targetDefault),
                    old ? "nothing to do" : "to turn them on later, run pg_checksums --enable while the new server is stopped");
        }
        return warns("the new cluster is initialised with data checksums " + onOff(targetDefault) + " (PostgreSQL "
                        + target + "'s default); the old one has them " + onOff(old),
                targetDefault ? "expect a little more WAL (hint bits are logged); to keep them off, initialise with "
                        + "--no-data-checksums (POSTGRES_INITDB_ARGS)"
                        : "to keep them on, initialise with --data-checksums (POSTGRES_INITDB_ARGS)");
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
