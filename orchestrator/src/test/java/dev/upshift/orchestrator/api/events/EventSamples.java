package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.DiskSpace;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Retained;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.SkippedWindow;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepTime;
import dev.upshift.orchestrator.api.UpgradePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.SamplePlans;


/**
 * One representative instance of every event, with the values an upgrade of the sample makapix stack from
 * PostgreSQL 16 to 17 records: the approval tests serialise these. A new event needs a sample here.
 */
public final class EventSamples {

    private static final String ID = SamplePlans.UPGRADE_ID;
    private static final UpgradePlan PLAN = SamplePlans.makapix();
    private static final Runbook RUNBOOK = Runbook.of(PLAN);
    private static final Runbook PG_UPGRADE_RUNBOOK = Runbook.of(SamplePlans.makapixByPgUpgrade());
    private static final Runbook LOGICAL_RUNBOOK = Runbook.of(SamplePlans.makapixByLogicalReplication());
    private static final String RUNNER = "ops, pid 4127 on db-host-01";
    private static final String REHEARSAL_ID = ID + "-rehearsal-1";

    private static final String SOURCE_IMAGE_ID = "sha256:9d35244937750d4db65504cf5f798bd1086aae649d243a9bc961f4273aa0b0b8";
    private static final String TARGET_IMAGE_ID = "sha256:fc0cf5409512f1d0236b7a8f296275fe413dbbe3d76f36bbe6de6bb47d151cdb";
    private static final String OLD_CONTAINER_ID = "43b9747744914f920864bc18f5a2d204db4b009df4ab6a06f218d3818f695c7e";
    private static final String NEW_CONTAINER_ID = "5ee3b3b8b107a8da2333242e4c1a2faac791f83c82a1c0add78fef352d2da325";
    private static final String RECREATED_CONTAINER_ID = "e569dbda12a505b3a8ffb7e15e568b1569574c0c364c430bc132355d0a07162a";

    private static final Instant COMPLETED = Instant.parse("2025-12-15T20:31:02Z");

    private static final BackupFile CUSTOM_DUMP = new BackupFile("/opt/makapix/backups/makapix-pg17_pre_pg17.dump",
            2_183_270L, "b6ca0868bca6a2926b70aa1a71592038d9030fe26d4214edcfbd6cf41f2f4654");
    private static final BackupFile SQL_DUMP = new BackupFile("/opt/makapix/backups/makapix-pg17_pre_pg17.sql",
            6_904_113L, "4ec7c53222c8a758c722e2111541035ce700d5ae7bd0898c5f1b1a743e6450fd");
    private static final BackupFile ROLES_DUMP = new BackupFile("/opt/makapix/backups/makapix-pg17_roles.sql",
            1_342L, "66cf5513b37462be52e7fe7b1791b7a6b704f97577680acc2f270e365a1b01e3");
    private static final BackupFile FINAL_DUMP = new BackupFile("/opt/makapix/backups/makapix-pg17_final.dump",
            2_184_018L, "2443630b4620165c8b173e7265e17526fe2787ae594364dd6d839ad58f2fc007");
    private static final BackupFile FINAL_ROLES = new BackupFile("/opt/makapix/backups/makapix-pg17_final_roles.sql",
            1_342L, "e1e4d1598cd3270912f60971a77d39e77aba77d6264efe02b52037c330c45b02");

    private static final List<ServiceHealth> ALL_HEALTHY = List.of(
            new ServiceHealth("db", "makapix-db-1", "running", "healthy"),
            new ServiceHealth("api", "makapix-api-1", "running", "healthy"),
            new ServiceHealth("worker", "makapix-worker-1", "running", "healthy"),
            new ServiceHealth("web", "makapix-web-1", "running", "healthy"));
    private static final List<ServiceHealth> DEPENDENTS_HEALTHY = ALL_HEALTHY.subList(1, ALL_HEALTHY.size());

    /** The compensation after 4.2 failed: every forward step up to Phase 4 had started, so every inverse runs. */
    private static final List<Step> ROLLBACK = List.of(
            new Step("R.1", StepKind.STOP_STARTED_DEPENDENTS, null),
            new Step("R.2", StepKind.REMOVE_NEW_DATABASE, null),
            new Step("R.3", StepKind.REVERT_COMPOSE_FILE, null),
            new Step("R.4", StepKind.RECREATE_OLD_DATABASE, null),
            new Step("R.5", StepKind.LIFT_FENCE, null),
            new Step("R.6", StepKind.VERIFY_OLD_DATABASE, null),
            new Step("R.7", StepKind.RESTART_DEPENDENTS, null));

    /** postgres:17-alpine's, as the 16 before it: PGDATA is its VOLUME. */
    private static final DataLayout PRE_18_LAYOUT = new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data");

    private static final SkippedWindow TOO_SHORT = new SkippedWindow("Sun 02:00-03:00 Europe/Berlin",
            Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
            "it lasts 0s and the expected downtime is 21s");

    private static final Map<Class<?>, UpgradeEvent> SAMPLES = List.of(
                    // plan and pre-flight
                    new UpgradePlanned(ID, SamplePlans.makapixInWindows("Wed 00:00-01:00 Europe/Berlin",
                            "2026-12-02T00:00:00Z/PT1H")),
                    new PreflightStarted(ID, RUNNER),
                    new BaselineCaptured(ID, step("0.1"), SamplePlans.baseline()),
                    new DiskSpaceChecked(ID, step("0.2"), List.of(
                            new DiskSpace("backups", "/opt/makapix/backups", 41_875_931_136L, 50_331_648L),
                            new DiskSpace("new data directory", "docker data root", 41_875_931_136L, 33_554_432L))),
                    new ServicesHealthChecked(ID, step("0.3"), ALL_HEALTHY),
                    new CompatibilityChecked(ID, step("0.4"), "postgres:17-alpine", TARGET_IMAGE_ID, "17.7",
                            List.of("pg_trgm", "pgcrypto"), PRE_18_LAYOUT, null, List.of("pg_stat_statements", "pgoutput"),
                            List.of("pg_trgm--1.5--1.6.sql", "pg_trgm.control", "pgcrypto--1.3.sql", "pgcrypto.control"),
                            List.of("C", "C.utf8", "POSIX")),
                    new PreflightFailed(ID, step("0.4"), "the target image lacks extensions the database uses: pg_trgm"),
                    new CompatibilityIssueFound(ID, step("0.5"), "prepared transactions", CompatibilityIssueFound.Verdict.BLOCKS,
                            "1 prepared transaction waits in the old server (a dump leaves them out, so what they wrote "
                                    + "would be lost): 'invoice-7' in makapix (owner api_worker, prepared 2025-12-15 19:54:02 UTC)",
                            "end each with COMMIT PREPARED 'gid' or ROLLBACK PREPARED 'gid' in its database, then run preflight again"),
                    new CompatibilityChecksPassed(ID, step("0.5"), List.of("prepared transactions", "shared_preload_libraries",
                            "collation versions", "data checksums", "replication slots", "md5 passwords"),
                            List.of("replication slots: a dump carries no replication slot; lost: standby_1 (physical)")),
                    new PreflightPassed(ID),
                    // run control
                    new RunStarted(ID, RUNNER, "3.5"),
                    new RunPaused(ID, "3.5"),
                    new RunResumed(ID, RUNNER, step("3.5")),
                    new StepStarted(ID, step("1.1")),
                    new DowntimeGateReached(ID),
                    new DowntimeApproved(ID),
                    new DowntimeScheduled(ID, "Wed 00:00-01:00 Europe/Berlin", Instant.parse("2026-12-01T23:00:00Z"),
                            Instant.parse("2026-12-02T00:00:00Z"), Duration.ofSeconds(21), "estimate",
                            List.of(TOO_SHORT), "the nodes (upshift serve)"),
                    new MaintenanceWindowReached(ID, "Wed 00:00-01:00 Europe/Berlin", Instant.parse("2026-12-02T00:00:00Z"),
                            Duration.ofSeconds(21), "estimate", List.of()),
                    new NoMaintenanceWindowFits(ID, Duration.ofHours(2), "rehearsal", List.of(TOO_SHORT)),
                    new StepFailed(ID, step("4.2"), "worker is running (unhealthy) on the new version: "
                            + "psql: error: connection to server at \"db\" failed | retrying in 5 s"),
                    new UpgradeCompleted(ID),
                    // rehearsal
                    new RehearsalStarted(ID, REHEARSAL_ID, "makapix-rehearsal"),
                    new RehearsalCompleted(ID, REHEARSAL_ID, Duration.ofMillis(6_520), List.of(
                            new StepTime("3.1", "Stop dependents, fence the database, take the final dump", Duration.ofMillis(410)),
                            new StepTime("3.5", "Start the new server and restore the final dump", Duration.ofMillis(2_540)))),
                    new RehearsalFailed(ID, REHEARSAL_ID, "0.4 Check the target image",
                            "the target image postgres:17-alpine does not start: exec format error"),
                    new RehearsalCleanedUp(ID, REHEARSAL_ID, List.of("makapix-rehearsal-db-1"),
                            List.of("makapix-rehearsal_pg_data", "makapix-rehearsal_pg_data_pg17"),
                            "/root/.upshift/rehearsals/makapix-pg17-rehearsal-1", List.of()),
                    // retention, after completion
                    new RetentionScheduled(ID, List.of(
                            new Retained(Retained.CONTAINER, "makapix-db-1-before-makapix-pg17", step("6.1"), COMPLETED.plus(Duration.ofHours(24))),
                            new Retained(Retained.IMAGE, "postgres:16-alpine", step("6.1"), COMPLETED.plus(Duration.ofHours(24))),
                            new Retained(Retained.VOLUME, "makapix_pg_data", step("6.2"), COMPLETED.plus(Duration.ofDays(7))),
                            new Retained(Retained.BACKUP, FINAL_DUMP.path(), step("6.2"), COMPLETED.plus(Duration.ofDays(7)))),
                            List.of()),
                    new OldContainerRemoved(ID, step("6.1"), OLD_CONTAINER_ID, "makapix-db-1-before-makapix-pg17"),
                    new OldImageRemoved(ID, step("6.1"), "postgres:16-alpine", SOURCE_IMAGE_ID),
                    new OldVolumeRemoved(ID, step("6.2"), "makapix_pg_data"),
                    new BackupsRemoved(ID, step("6.2"), List.of(CUSTOM_DUMP.path(), FINAL_DUMP.path())),
                    new CleanupCompleted(ID, step("6.2"), List.of(
                            "backup " + SQL_DUMP.path() + ": changed since Upshift wrote it")),
                    new RetentionRemovalFailed(ID, step("6.2"), "volume makapix_pg_data is in use: remove volume: volume is in use",
                            1, COMPLETED.plus(Duration.ofDays(7)).plus(Duration.ofHours(1))),
                    new CleanupRequested(ID, RUNNER),
                    new RetentionCancelled(ID, "rolled back", List.of("volume makapix_pg_data", "backup " + FINAL_DUMP.path())),
                    // Phase 1
                    new BackupCreated(ID, step("1.1"), "custom", CUSTOM_DUMP),
                    new BackupVerified(ID, step("1.4"), 58, List.of(CUSTOM_DUMP, SQL_DUMP, ROLES_DUMP)),
                    // Phase 2
                    new ComposeFileUpdated(ID, step("2.1"), "/opt/makapix/docker-compose.yml",
                            "/opt/makapix/docker-compose.yml.pre-makapix-pg17", "postgres:16-alpine",
                            "postgres:17-alpine", "makapix_pg_data", "makapix_pg_data_pg17", PRE_18_LAYOUT,
                            PRE_18_LAYOUT),
                    new ImagePulled(ID, step("2.2"), "postgres:17-alpine", TARGET_IMAGE_ID, true),
                    // Phase 3
                    new ServiceStopped(ID, step("3.1"), "web", "makapix-web-1"),
                    new DatabaseFenced(ID, step("3.1"), -1, 2, List.of(new Baseline.TableRows("public", "posts", 37),
                            new Baseline.TableRows("public", "users", 18)), 1_204_311L),
                    new FinalDumpTaken(ID, step("3.1"), FINAL_DUMP, FINAL_ROLES, 0L),
                    new DatabaseStopped(ID, step("3.2"), OLD_CONTAINER_ID, databaseSpec()),
                    new VolumeSnapshotted(ID, step("3.3"), "makapix_pg_data", "makapix_pg_data_pg17",
                            "makapix_pg_data_copy_makapix-pg17"),
                    new ContainerRemoved(ID, step("3.4"), OLD_CONTAINER_ID, "makapix-db-1"),
                    new OldContainerKept(ID, step("3.4"), OLD_CONTAINER_ID, "makapix-db-1",
                            "makapix-db-1-before-makapix-pg17", SOURCE_IMAGE_ID),
                    new StepDue(ID, step("3.5"), RUNNER),
                    new ContainerStarted(ID, step("3.5"), NEW_CONTAINER_ID, "postgres:17-alpine"),
                    new TransferProgressed(ID, step("3.5"), "restoring", 1_200, 2_400, "entries"),
                    new DataRestored(ID, step("3.5"), NEW_CONTAINER_ID, FINAL_DUMP.path(),
                            new ClusterSettings("UTF8", "en_US.utf8", "en_US.utf8", "libc", false)),
                    new VersionVerified(ID, step("3.6"), "17.7", 17),
                    new IntegrityMismatchDetected(ID, step("3.7"), List.of("table public.posts has 36 rows, had 37 at the fence",
                            "extension pgcrypto is missing")),
                    new IntegrityVerified(ID, step("3.7"), 2, 55L, List.of(new Baseline.ExtensionVersion("pg_trgm", "1.6"),
                            new Baseline.ExtensionVersion("pgcrypto", "1.3")), "20251214000000", 1_204_311L),
                    // pg-upgrade's own steps
                    new UpgradeImageChecked(ID, pgUpgradeStep("0.6"), "postgres-upgrade:16-to-17", "16.11", "17.7",
                            new ClusterSettings("UTF8", "en_US.utf8", "en_US.utf8", "libc", false)),
                    new UpgradeCheckPassed(ID, pgUpgradeStep("0.7"), "link", "makapix_upshift_check_makapix-pg17",
                            "Performing Consistency Checks\n-----------------------------\n*Clusters are compatible*"),
                    new FenceHeld(ID, pgUpgradeStep("3.1"), 0L),
                    new ClusterUpgraded(ID, pgUpgradeStep("3.5"), "postgres-upgrade:16-to-17", "copy", "makapix_pg_data",
                            "makapix_pg_data_pg17"),
                    new PointOfNoReturnPassed(ID, pgUpgradeStep("3.6"), "makapix_pg_data"),
                    new UpgradedServerStarted(ID, pgUpgradeStep("3.6"), NEW_CONTAINER_ID, "postgres:17-alpine", -1),
                    new CollatedIndexesRebuilt(ID, pgUpgradeStep("3.9"), true, List.of("public.users_handle_key")),
                    // logical's own steps
                    new LogicalDecodingReady(ID, logicalStep("2.2"), "replica", true, 1_840),
                    new ReplicaBuilt(ID, logicalStep("2.3"), "makapix-upshift-replica-db", "makapix_pg_data_pg17",
                            "upshift_makapix_pg17", "upshift_makapix_pg17", 38, List.of("public.users_id_seq")),
                    new ReplicationProgressed(ID, logicalStep("2.4"), 31, 38, 4_194_304L, 120L),
                    new ReplicaCaughtUp(ID, logicalStep("2.4"), 38, 2_048L),
                    new ReplicationEnded(ID, logicalStep("3.2"), "0/3A1B2C8", 140L, List.of("public.users_id_seq = 18")),
                    new ReplicaRemoved(ID, new Step("R.3", StepKind.REMOVE_REPLICA, null), "makapix-upshift-replica-db", List.of("subscription upshift_makapix_pg17",
                            "container makapix-upshift-replica-db", "slot upshift_makapix_pg17",
                            "publication upshift_makapix_pg17")),
                    // Phase 4
                    new ServiceStarted(ID, step("4.1"), "api", "makapix-api-1"),
                    new ServiceHealthy(ID, step("4.1"), "api", "makapix-api-1", "healthy"),
                    new ServicesRestored(ID, step("4.4"), ALL_HEALTHY),
                    // Phase 5
                    new HealthValidated(ID, step("5.1"), ALL_HEALTHY),
                    new StatisticsRebuilt(ID, step("5.2"), List.of("pg_stat_statements 1.10 → 1.11")),
                    new SmokeQueriesPassed(ID, step("5.3"), List.of("2 of 2 tables answer", "alembic 20251214000000",
                            "PostgreSQL 17.7")),
                    // compensation
                    new RollbackInitiated(ID, "step 4.2 Start worker failed: worker is running (unhealthy) on the new version",
                            step("4.2"), "quick", true, ROLLBACK, RUNNER),
                    new DependentsStopped(ID, ROLLBACK.get(0), List.of("web", "worker", "api")),
                    new NewContainerRemoved(ID, ROLLBACK.get(1), NEW_CONTAINER_ID),
                    new ComposeFileReverted(ID, ROLLBACK.get(2), "/opt/makapix/docker-compose.yml"),
                    new OldContainerRecreated(ID, ROLLBACK.get(3), RECREATED_CONTAINER_ID),
                    new OldClusterRestored(ID, new Step("R.4", StepKind.RESTORE_OLD_CLUSTER, null), "makapix_pg_data",
                            "17/docker"),
                    new OldVersionRestored(ID, new Step("R.4", StepKind.RESTORE_OLD_VERSION, null), RECREATED_CONTAINER_ID,
                            "makapix_pg_data_restored_makapix-pg17", "/var/backups/makapix-pg17/makapix_pre_pg17.dump"),
                    new FenceLifted(ID, ROLLBACK.get(4), -1),
                    new OldDatabaseVerified(ID, ROLLBACK.get(5), "16.11", 55L),
                    new DependentsRestarted(ID, ROLLBACK.get(6), DEPENDENTS_HEALTHY),
                    new RollbackFailed(ID, ROLLBACK.get(3), "the old server is exited (unhealthy): "
                            + "FATAL: data directory \"/var/lib/postgresql/data\" has invalid permissions",
                            "by hand, in this order: R.4 Recreate the old container from its recorded spec; "
                                    + "R.5 Lift the fence; R.6 Verify the old version and its data; "
                                    + "R.7 Start the dependents again"),
                    new RollbackCompleted(ID))
            .stream()
            .collect(Collectors.toMap(UpgradeEvent::getClass, Function.identity(), (a, b) -> {
                throw new IllegalStateException("two samples of " + a.getClass().getSimpleName());
            }, LinkedHashMap::new));

    private EventSamples() {
    }

    /** The sample of this event class, if it has one. */
    public static Optional<UpgradeEvent> of(Class<?> eventType) {
        return Optional.ofNullable(SAMPLES.get(eventType));
    }

    private static Step step(String number) {
        return step(RUNBOOK, number);
    }

    private static Step logicalStep(String number) {
        return step(LOGICAL_RUNBOOK, number);
    }

    private static Step pgUpgradeStep(String number) {
        return step(PG_UPGRADE_RUNBOOK, number);
    }

    private static Step step(Runbook runbook, String number) {
        return runbook.steps().stream().filter(step -> step.number().equals(number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + number + " in the sample runbook"));
    }

    /** The database container as the sample stack configures it: its password is recorded as null. */
    private static ContainerSpec databaseSpec() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("POSTGRES_USER", "owner");
        environment.put("POSTGRES_PASSWORD", null);
        environment.put("POSTGRES_DB", "makapix");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("com.docker.compose.project", "makapix");
        labels.put("com.docker.compose.service", "db");
        labels.put("com.docker.compose.project.config_files", "/opt/makapix/docker-compose.yml");
        return new ContainerSpec("makapix-db-1", "postgres:16-alpine", SOURCE_IMAGE_ID, environment, null, null, labels,
                List.of(new ContainerSpec.Network("makapix_default", List.of("makapix-db-1", "db"))),
                List.of(new ContainerSpec.Mount("bind", "/opt/makapix/seed", "/docker-entrypoint-initdb.d", true),
                        new ContainerSpec.Mount("volume", "makapix_pg_data", "/var/lib/postgresql/data", false)),
                List.of(new ContainerSpec.PortBinding("5432/tcp", "127.0.0.1", "5432")),
                new ContainerSpec.HealthCheck(List.of("CMD-SHELL", "pg_isready -h 127.0.0.1 -U \"${POSTGRES_USER}\""),
                        2_000_000_000L, 5_000_000_000L, 60_000_000_000L, 5),
                "unless-stopped", null, null);
    }
}
