package dev.upshift.orchestrator;

import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.SecretSource;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/** A plan and a baseline shaped like the runbook's stack, for tests that need one. */
public final class SamplePlans {

    public static final String UPGRADE_ID = "makapix-pg17";
    /** The process that drives the upgrade in these tests. */
    public static final String RUNNER = "alice, pid 4242 on db-host-1";

    private SamplePlans() {
    }

    public static UpgradePlan makapix() {
        return makapix(null);
    }

    /** The same plan on the engine at this address (null: the default engine of the process that drives it). */
    public static UpgradePlan makapix(String dockerHost) {
        return new UpgradePlan("/opt/makapix/docker-compose.yml", "makapix", "db", "postgres:16-alpine",
                "postgres:17-alpine", UpgradeMethod.DUMP_RESTORE, List.of("web", "worker", "api"),
                "/opt/makapix/backups", "makapix_pg_data", "/var/lib/postgresql/data", "makapix", "owner",
                new SecretSource(SecretSource.ENV_FILE, "/opt/makapix/db.env", "POSTGRES_PASSWORD"), dockerHost, null, null, UpgradePlan.KEEP,
                List.of(), null, false);
    }

    /** The sample upgrade by pg_upgrade, copying the data files, in an image with both majors' binaries. */
    public static UpgradePlan makapixByPgUpgrade() {
        return makapixByPgUpgrade("copy");
    }

    /** pg_upgrade with this transfer mode: copy, link. */
    public static UpgradePlan makapixByPgUpgrade(String transfer) {
        UpgradePlan plan = makapix();
        return new UpgradePlan(plan.composeFile(), plan.project(), plan.service(), plan.sourceImage(), plan.targetImage(),
                UpgradeMethod.PG_UPGRADE, plan.stopOrder(), plan.backupDir(), plan.volume(), plan.dataDirectory(),
                plan.database(), plan.superuser(), plan.password(), plan.dockerHost(), "postgres-upgrade:16-to-17", transfer,
                plan.snapshot(), plan.windows(), plan.keepOld(), false);
    }

    /** The sample upgrade by logical replication, the old server's restart for wal_level approved. */
    public static UpgradePlan makapixByLogicalReplication() {
        return makapixByLogicalReplication(true);
    }

    /** The sample upgrade by logical replication, with or without {@code --allow-restart}. */
    public static UpgradePlan makapixByLogicalReplication(boolean restartAllowed) {
        UpgradePlan plan = makapix();
        return new UpgradePlan(plan.composeFile(), plan.project(), plan.service(), plan.sourceImage(), plan.targetImage(),
                UpgradeMethod.LOGICAL, plan.stopOrder(), plan.backupDir(), plan.volume(), plan.dataDirectory(),
                plan.database(), plan.superuser(), plan.password(), plan.dockerHost(), null, null, plan.snapshot(),
                plan.windows(), plan.keepOld(), restartAllowed);
    }

    /** The sample plan, its Phase 3 allowed only in these maintenance windows. */
    public static UpgradePlan makapixInWindows(String... windows) {
        UpgradePlan plan = makapix();
        return new UpgradePlan(plan.composeFile(), plan.project(), plan.service(), plan.sourceImage(), plan.targetImage(),
                plan.method(), plan.stopOrder(), plan.backupDir(), plan.volume(), plan.dataDirectory(), plan.database(),
                plan.superuser(), plan.password(), plan.dockerHost(), plan.upgradeImage(), plan.transfer(), plan.snapshot(),
                List.of(windows), null, false);
    }

    public static Baseline baseline() {
        return new Baseline("16.11", 160011, "makapix", 16L * 1024 * 1024,
                List.of(new Baseline.TableRows("public", "posts", 37), new Baseline.TableRows("public", "users", 18)),
                List.of(new Baseline.ExtensionVersion("pg_trgm", "1.6"), new Baseline.ExtensionVersion("pgcrypto", "1.3")),
                List.of(new Baseline.RoleAttributes("api_worker", List.of()),
                        new Baseline.RoleAttributes("owner", List.of("Superuser"))),
                "20251214000000");
    }
}
