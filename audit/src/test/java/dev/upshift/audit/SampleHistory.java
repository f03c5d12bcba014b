package dev.upshift.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.DiskSpace;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.BackupVerified;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.ComposeFileReverted;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.ContainerRemoved;
import dev.upshift.orchestrator.api.events.ContainerStarted;
import dev.upshift.orchestrator.api.events.DataRestored;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.DependentsRestarted;
import dev.upshift.orchestrator.api.events.DependentsStopped;
import dev.upshift.orchestrator.api.events.DiskSpaceChecked;
import dev.upshift.orchestrator.api.events.DowntimeApproved;
import dev.upshift.orchestrator.api.events.FenceLifted;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.HealthValidated;
import dev.upshift.orchestrator.api.events.ImagePulled;
import dev.upshift.orchestrator.api.events.IntegrityVerified;
import dev.upshift.orchestrator.api.events.NewContainerRemoved;
import dev.upshift.orchestrator.api.events.OldContainerRecreated;
import dev.upshift.orchestrator.api.events.OldDatabaseVerified;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.RunStarted;
import dev.upshift.orchestrator.api.events.ServiceHealthy;
import dev.upshift.orchestrator.api.events.ServiceStarted;
import dev.upshift.orchestrator.api.events.ServiceStopped;
import dev.upshift.orchestrator.api.events.ServicesHealthChecked;
import dev.upshift.orchestrator.api.events.ServicesRestored;
import dev.upshift.orchestrator.api.events.SmokeQueriesPassed;
import dev.upshift.orchestrator.api.events.StatisticsRebuilt;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.api.events.VersionVerified;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The events of the runbook's own upgrade of makapix (PostgreSQL 16.11 → 17.7 on 2025-12-15, downtime 20:12 to
 * 20:16), built as the step executors build them, with the times and the actor a real run records.
 */
public final class SampleHistory {

    public static final String ID = SamplePlans.UPGRADE_ID;
    public static final String ACTOR = "alice";
    public static final String PLANNER = "bob";
    public static final String HOST = "ops-1";
    public static final Instant DOWNTIME_STARTS = Instant.parse("2025-12-15T20:12:00Z");
    public static final Instant DATABASE_STOPPED = Instant.parse("2025-12-15T20:12:10Z");
    public static final Instant SERVICES_RESTORED = Instant.parse("2025-12-15T20:16:00Z");

    private static final Runbook RUNBOOK = Runbook.of(SamplePlans.makapix());
    private static final List<ServiceHealth> ALL_SERVING = List.of(
            new ServiceHealth("db", "makapix-db-1", "running", "healthy"),
            new ServiceHealth("api", "makapix-api-1", "running", "healthy"),
            new ServiceHealth("worker", "makapix-worker-1", "running", "none"),
            new ServiceHealth("web", "makapix-web-1", "running", "healthy"));

    private final String upgradeId;
    private final List<Recorded> events = new ArrayList<>();
    private Instant clock;

    private SampleHistory(String upgradeId) {
        this.upgradeId = upgradeId;
    }

    /** This plan, recorded at 19:55, and nothing since. */
    public static SampleHistory planned(UpgradePlan plan) {
        return new SampleHistory(ID).at(Instant.parse("2025-12-15T19:55:00Z")).then(new UpgradePlanned(ID, plan), PLANNER);
    }

    /** Planned at 19:55, approved ahead, Phases 0 to 5, completed at 20:16:07. */
    public static SampleHistory completed() {
        return completed(ID);
    }

    public static SampleHistory completed(String upgradeId) {
        SampleHistory history = throughPhase3(upgradeId);
        for (String service : List.of("api", "worker", "web")) {
            Step step = startService(service);
            history.then(new StepStarted(upgradeId, step))
                    .then(new ServiceStarted(upgradeId, step, service, "makapix-" + service + "-1"))
                    .then(new ServiceHealthy(upgradeId, step, service, "makapix-" + service + "-1", "healthy"));
        }
        history.at(SERVICES_RESTORED.minusSeconds(1)).step("4.4", new ServicesRestored(upgradeId, step("4.4"), ALL_SERVING))
                .step("5.1", new HealthValidated(upgradeId, step("5.1"), ALL_SERVING))
                .step("5.2", new StatisticsRebuilt(upgradeId, step("5.2"), List.of()))
                .step("5.3", new SmokeQueriesPassed(upgradeId, step("5.3"), List.of("users: 18 rows", "posts: 37 rows")))
                .then(new UpgradeCompleted(upgradeId));
        return history;
    }

    /** As {@link #completed()} up to 3.7; then the api is unhealthy on 17 (4.1) and everything is rolled back. */
    public static SampleHistory rolledBackAtTheApi() {
        return rolledBackAtTheApi(ID);
    }

    public static SampleHistory rolledBackAtTheApi(String upgradeId) {
        SampleHistory history = throughPhase3(upgradeId);
        Step api = startService("api");
        String reason = "api is running (unhealthy) on the new version: column \"checkpoints_timed\" does not exist";
        history.then(new StepStarted(upgradeId, api))
                .then(new ServiceStarted(upgradeId, api, "api", "makapix-api-1"))
                .at(Instant.parse("2025-12-15T20:17:00Z"))
                .then(new StepFailed(upgradeId, api, reason));
        List<Step> rollback = List.of(rollbackStep(1, StepKind.STOP_STARTED_DEPENDENTS),
                rollbackStep(2, StepKind.REMOVE_NEW_DATABASE), rollbackStep(3, StepKind.REVERT_COMPOSE_FILE),
                rollbackStep(4, StepKind.RECREATE_OLD_DATABASE), rollbackStep(5, StepKind.LIFT_FENCE),
                rollbackStep(6, StepKind.VERIFY_OLD_DATABASE), rollbackStep(7, StepKind.RESTART_DEPENDENTS));
        history.then(new RollbackInitiated(upgradeId, "step " + api + " failed: " + reason, api, "quick", true, rollback,
                SamplePlans.RUNNER))
                .rollback(rollback.get(0), new DependentsStopped(upgradeId, rollback.get(0), List.of("web", "worker", "api")))
                .rollback(rollback.get(1), new NewContainerRemoved(upgradeId, rollback.get(1), "c0ffee17"))
                .rollback(rollback.get(2), new ComposeFileReverted(upgradeId, rollback.get(2), "/opt/makapix/docker-compose.yml"))
                .rollback(rollback.get(3), new OldContainerRecreated(upgradeId, rollback.get(3), "c0ffee16"))
                .rollback(rollback.get(4), new FenceLifted(upgradeId, rollback.get(4), -1))
                .rollback(rollback.get(5), new OldDatabaseVerified(upgradeId, rollback.get(5), "16.11", 1234))
                .rollback(rollback.get(6), new DependentsRestarted(upgradeId, rollback.get(6), ALL_SERVING.subList(1, 4)))
                .then(new RollbackCompleted(upgradeId));
        return history;
    }

    private static SampleHistory throughPhase3(String upgradeId) {
        SampleHistory history = new SampleHistory(upgradeId).at(Instant.parse("2025-12-15T19:55:00Z"));
        history.then(new UpgradePlanned(upgradeId, SamplePlans.makapix()), PLANNER)
                .then(new DowntimeApproved(upgradeId))
                .then(new RunStarted(upgradeId, "alice, pid 4242 on ops-1", null))
                .then(new PreflightStarted(upgradeId, "alice, pid 4242 on ops-1"))
                .step("0.1", new BaselineCaptured(upgradeId, step("0.1"), baseline()))
                .step("0.2", new DiskSpaceChecked(upgradeId, step("0.2"), List.of(
                        new DiskSpace("backups", "/opt/makapix/backups", 62L << 30, 600L << 20))))
                .step("0.3", new ServicesHealthChecked(upgradeId, step("0.3"), ALL_SERVING))
                .step("0.4", new CompatibilityChecked(upgradeId, step("0.4"), "postgres:17-alpine", "sha256:7cd12b4b0000",
                        "17.7", List.of("pg_trgm", "pgcrypto", "plpgsql"), null, null, List.of(),
                        List.of("pg_trgm.control", "pgcrypto.control", "plpgsql.control"), List.of("C")))
                .then(new PreflightPassed(upgradeId))
                .at(Instant.parse("2025-12-15T20:10:40Z"))
                .step("1.1", new BackupCreated(upgradeId, step("1.1"), "custom", file("makapix_pre_pg17.dump", 460 << 10)))
                .step("1.2", new BackupCreated(upgradeId, step("1.2"), "sql", file("makapix_pre_pg17.sql", 1600 << 10)))
                .step("1.3", new BackupCreated(upgradeId, step("1.3"), "roles", file("makapix_roles.sql", 936)))
                .step("1.4", new BackupVerified(upgradeId, step("1.4"), 498, List.of(file("makapix_pre_pg17.dump", 460 << 10))))
                .step("2.1", new ComposeFileUpdated(upgradeId, step("2.1"), "/opt/makapix/docker-compose.yml",
                        "/opt/makapix/docker-compose.yml.pre-" + upgradeId, "postgres:16-alpine", "postgres:17-alpine",
                        "makapix_pg_data", "makapix_pg_data_pg17", null, null))
                .step("2.2", new ImagePulled(upgradeId, step("2.2"), "postgres:17-alpine", "sha256:7cd12b4b0000", true));
        Step stop = step("3.1");
        history.at(DOWNTIME_STARTS.minusSeconds(1)).then(new StepStarted(upgradeId, stop));
        for (String service : List.of("web", "worker", "api")) {
            history.then(new ServiceStopped(upgradeId, stop, service, "makapix-" + service + "-1"));
        }
        history.then(new DatabaseFenced(upgradeId, stop, -1, 2, baseline().tables(), 41))
                .then(new FinalDumpTaken(upgradeId, stop, file(upgradeId + "_final.dump", 470 << 10),
                        file(upgradeId + "_final_roles.sql", 936), 0))
                .at(DATABASE_STOPPED.minusSeconds(1))
                .step("3.2", new DatabaseStopped(upgradeId, step("3.2"), "c0ffee16", oldDatabase()))
                .step("3.3", new VolumeSnapshotted(upgradeId, step("3.3"), "makapix_pg_data", "makapix_pg_data_pg17", null))
                .step("3.4", new ContainerRemoved(upgradeId, step("3.4"), "c0ffee16", "makapix-db-1"));
        Step start = step("3.5");
        return history.at(Instant.parse("2025-12-15T20:13:00Z")).then(new StepStarted(upgradeId, start))
                .then(new ContainerStarted(upgradeId, start, "c0ffee17", "postgres:17-alpine"))
                .then(new TransferProgressed(upgradeId, start, "restoring", 249, 498, "entries"))
                .then(new DataRestored(upgradeId, start, "c0ffee17", "/opt/makapix/backups/" + upgradeId + "_final.dump", null))
                .step("3.6", new VersionVerified(upgradeId, step("3.6"), "17.7 (Debian 17.7-1)", 17))
                .at(Instant.parse("2025-12-15T20:14:00Z"))
                .step("3.7", new IntegrityVerified(upgradeId, step("3.7"), 38, 1234,
                        baseline().extensions(), "20251214000000", 41));
    }

    public static Step step(String number) {
        return RUNBOOK.steps().stream().filter(step -> step.number().equals(number)).findFirst().orElseThrow();
    }

    public static Baseline baseline() {
        return SamplePlans.baseline();
    }

    /** Sets the clock: the next event happens then; each event after it one second later. */
    public SampleHistory at(Instant time) {
        clock = time;
        return this;
    }

    public SampleHistory then(UpgradeEvent event) {
        return then(event, ACTOR);
    }

    public SampleHistory then(UpgradeEvent event, String actor) {
        events.add(new Recorded(event, clock, actor));
        clock = clock.plusSeconds(1);
        return this;
    }

    /** The events up to and including the instant, as a replay to that instant sees them. */
    public SampleHistory until(Instant instant) {
        SampleHistory cut = new SampleHistory(upgradeId).at(clock);
        events.stream().filter(event -> !event.time().isAfter(instant)).forEach(cut.events::add);
        return cut;
    }

    public List<Object> payloads() {
        return events.stream().map(Recorded::event).map(Object.class::cast).toList();
    }

    public Instant lastTime() {
        return events.get(events.size() - 1).time();
    }

    /** As the store hands them to an aggregate or a replay: with sequence, time and metadata. */
    public List<DomainEventMessage<?>> messages() {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Recorded recorded = events.get(sequence);
            messages.add(new GenericDomainEventMessage<>("Upgrade", upgradeId, sequence, recorded.event(),
                    Map.of("actor", recorded.actor(), "host", HOST), upgradeId + "-" + sequence, recorded.time()));
        }
        return messages;
    }

    /** As a tracking processor hands them to a read model: global positions from {@code firstPosition} on. */
    public List<TrackedEventMessage<?>> tracked(long firstPosition) {
        List<TrackedEventMessage<?>> tracked = new ArrayList<>();
        List<DomainEventMessage<?>> messages = messages();
        for (int index = 0; index < messages.size(); index++) {
            tracked.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(firstPosition + index),
                    messages.get(index)));
        }
        return tracked;
    }

    private SampleHistory step(String number, StepOutcome outcome) {
        return then(new StepStarted(upgradeId, step(number))).then(outcome);
    }

    private SampleHistory rollback(Step step, StepOutcome outcome) {
        return then(new StepStarted(upgradeId, step)).then(outcome);
    }

    private static Step startService(String service) {
        return RUNBOOK.steps().stream().filter(step -> service.equals(step.service())).findFirst().orElseThrow();
    }

    private static Step rollbackStep(int index, StepKind kind) {
        return new Step("R." + index, kind, null);
    }

    private static BackupFile file(String name, long size) {
        return new BackupFile("/opt/makapix/backups/" + name, size, "ab".repeat(32));
    }

    private static ContainerSpec oldDatabase() {
        return new ContainerSpec("makapix-db-1", "postgres:16-alpine", "sha256:16aa", Map.of("POSTGRES_USER", "owner"),
                null, null, Map.of(), List.of(), List.of(new ContainerSpec.Mount("volume", "makapix_pg_data",
                "/var/lib/postgresql/data", false)), List.of(), null, "unless-stopped", null, null);
    }

    /** How long the sample's stack was down: first dependent stopped to all services restored. */
    public static Duration downtime() {
        return Duration.between(DOWNTIME_STARTS, SERVICES_RESTORED);
    }

    private record Recorded(UpgradeEvent event, Instant time, String actor) {
    }
}
