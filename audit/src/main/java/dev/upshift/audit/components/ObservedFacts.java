package dev.upshift.audit.components;

import static dev.upshift.orchestrator.api.queries.ComponentStatus.DATABASE;
import static dev.upshift.orchestrator.api.queries.ComponentStatus.SITE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.upshift.audit.log.ServerVersion;
import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.BackupVerified;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.ClusterUpgraded;
import dev.upshift.orchestrator.api.events.ContainerRemoved;
import dev.upshift.orchestrator.api.events.ContainerStarted;
import dev.upshift.orchestrator.api.events.DataRestored;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.DependentsRestarted;
import dev.upshift.orchestrator.api.events.DependentsStopped;
import dev.upshift.orchestrator.api.events.FenceHeld;
import dev.upshift.orchestrator.api.events.FenceLifted;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.HealthValidated;
import dev.upshift.orchestrator.api.events.NewContainerRemoved;
import dev.upshift.orchestrator.api.events.OldClusterRestored;
import dev.upshift.orchestrator.api.events.OldContainerKept;
import dev.upshift.orchestrator.api.events.OldContainerRecreated;
import dev.upshift.orchestrator.api.events.OldDatabaseVerified;
import dev.upshift.orchestrator.api.events.OldVersionRestored;
import dev.upshift.orchestrator.api.events.PointOfNoReturnPassed;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.ServiceHealthy;
import dev.upshift.orchestrator.api.events.ServiceStarted;
import dev.upshift.orchestrator.api.events.ServiceStopped;
import dev.upshift.orchestrator.api.events.ServicesHealthChecked;
import dev.upshift.orchestrator.api.events.ServicesRestored;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradedServerStarted;
import dev.upshift.orchestrator.api.events.VersionVerified;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;

/**
 * What each observed fact says about the components a user depends on: the status tables of the runbook,
 * derived from events instead of expected. Facts about a service that is not a component change nothing.
 */
final class ObservedFacts {

    static final String NOT_CHECKED = "❔ Not checked";
    static final String ONLINE = "✅ Online";
    static final String DEGRADED = "⚠️ Degraded";
    static final String DOWN = "❌ Down";
    static final String HEALTHY = "✅ Healthy";
    static final String UNHEALTHY = "⚠️ Unhealthy";
    static final String RUNNING = "✅ Running";
    static final String STOPPED = "❌ Stopped";
    static final String FENCED = "⚠️ Fenced";
    static final String MIGRATING = "🔄 Migrating";
    static final String STARTING = "🔄 Starting";
    static final String FAILED = "❌ Failed";

    private static final String ERROR_PAGE = "Error page or connection errors";
    private static final Set<StepKind> DATABASE_STEPS = Set.of(StepKind.START_NEW_DATABASE, StepKind.UPGRADE_CLUSTER,
            StepKind.START_UPGRADED_DATABASE, StepKind.VERIFY_VERSION,
            StepKind.VERIFY_INTEGRITY, StepKind.RECREATE_OLD_DATABASE, StepKind.VERIFY_OLD_DATABASE);
    private static final Map<Class<?>, Function<Object, List<ComponentChange>>> FACTS = new LinkedHashMap<>();

    static {
        fact(BaselineCaptured.class, captured -> database(RUNNING, "PG " + ServerVersion.brief(captured.baseline().serverVersion())
                + ", accepting connections"));
        fact(ServicesHealthChecked.class, checked -> services(checked.services(), "Serving", "Full functionality"));
        fact(StepStarted.class, started -> started.step().kind() == StepKind.CUSTOM_DUMP
                ? database(RUNNING, "Processing backup queries") : List.of());
        fact(BackupVerified.class, verified -> database(RUNNING, "Serving; " + verified.files().size()
                + " backup files verified"));
        fact(ServiceStopped.class, stopped -> List.of(change(stopped.service(), STOPPED, "Not running"),
                change(SITE, DOWN, ERROR_PAGE)));
        fact(DatabaseFenced.class, fenced -> database(FENCED, "Connections refused; " + fenced.terminatedSessions()
                + " sessions ended"));
        fact(FinalDumpTaken.class, taken -> database(FENCED, "Connections refused; final dump "
                + Path.of(taken.file().path()).getFileName() + " taken"));
        fact(FenceHeld.class, held -> database(FENCED, "Connections refused; rows counted"));
        fact(DatabaseStopped.class, stopped -> database(STOPPED, "Old server stopped; its volume kept"));
        fact(VolumeSnapshotted.class, snapshot -> database(MIGRATING, "Old volume " + snapshot.oldVolume()
                + " kept; new volume " + snapshot.newVolume()));
        fact(ContainerRemoved.class, removed -> database(MIGRATING, "Old container removed; volume kept"));
        fact(OldContainerKept.class, kept -> database(MIGRATING, "Old container kept, stopped, as " + kept.keptAs()
                + "; volume kept"));
        fact(ContainerStarted.class, started -> database(STARTING, "New server " + started.image() + " starting"));
        fact(DataRestored.class, restored -> database(RUNNING, "New server running; data restored from "
                + Path.of(restored.dump()).getFileName()));
        fact(ClusterUpgraded.class, upgraded -> database(MIGRATING, "Cluster upgraded into " + upgraded.newVolume()
                + " (pg_upgrade --" + upgraded.transfer() + ")"));
        fact(PointOfNoReturnPassed.class, passed -> database(STARTING, "New server starting on files the old "
                + "cluster shares: no way back but the full rollback"));
        fact(UpgradedServerStarted.class, started -> database(RUNNING, "New server " + started.image()
                + " running on the upgraded cluster"));
        fact(VersionVerified.class, verified -> database(RUNNING, "PG " + ServerVersion.brief(verified.serverVersion())
                + " accepting connections"));
        fact(ServiceStarted.class, started -> List.of(change(started.service(), STARTING, "May time out briefly"),
                change(SITE, DOWN, "Loading or brief errors while dependents start")));
        fact(ServiceHealthy.class, healthy -> List.of(change(healthy.service(), HEALTHY, "Serving on the new version")));
        fact(ServicesRestored.class, restored -> services(restored.services(), "Serving on the new version",
                "Full functionality"));
        fact(HealthValidated.class, validated -> services(validated.services(), "Serving on the new version",
                "Full functionality"));
        fact(StepFailed.class, failed -> failed(failed.step(), failed.reason()));
        fact(RollbackFailed.class, failed -> failed(failed.step(), failed.reason()));
        fact(DependentsStopped.class, stopped -> {
            List<ComponentChange> changes = new ArrayList<>();
            stopped.services().forEach(service -> changes.add(change(service, STOPPED, "Stopped for the rollback")));
            changes.add(change(SITE, DOWN, ERROR_PAGE));
            return changes;
        });
        fact(NewContainerRemoved.class, removed -> database(STOPPED, "New server removed; its volume kept"));
        fact(OldContainerRecreated.class, recreated -> database(FENCED, "Old server back on its untouched volume; "
                + "connections still refused"));
        fact(OldClusterRestored.class, restored -> database(STOPPED, "Old cluster whole again on "
                + restored.volume()));
        fact(OldVersionRestored.class, restored -> database(FENCED, "Old version restored from "
                + Path.of(restored.dump()).getFileName() + " into " + restored.volume()));
        fact(FenceLifted.class, lifted -> database(RUNNING, "Old server accepting connections again"));
        fact(OldDatabaseVerified.class, verified -> database(RUNNING, "PG " + ServerVersion.brief(verified.serverVersion())
                + ", rows as at the fence"));
        fact(DependentsRestarted.class, restarted -> services(restarted.services(), "Serving on the old version",
                "Full functionality on the old version"));
    }

    private ObservedFacts() {
    }

    static List<ComponentChange> of(Object event) {
        Function<Object, List<ComponentChange>> fact = FACTS.get(event.getClass());
        return fact == null ? List.of() : fact.apply(event);
    }

    /** A failed step names what failed when it acts on one service or on the database server. */
    private static List<ComponentChange> failed(Step step, String reason) {
        if (step.service() != null) {
            return List.of(change(step.service(), FAILED, reason));
        }
        return DATABASE_STEPS.contains(step.kind()) ? database(FAILED, reason) : List.of();
    }

    /** Each service as Docker reported it; the site is online when every one of them serves. */
    private static List<ComponentChange> services(List<ServiceHealth> services, String serving, String siteServing) {
        List<ComponentChange> changes = new ArrayList<>();
        services.forEach(service -> changes.add(service.serving()
                ? change(service.service(), HEALTHY, serving)
                : change(service.service(), UNHEALTHY, service.state() + " (" + service.health() + ")")));
        boolean allServing = services.stream().allMatch(ServiceHealth::serving);
        changes.add(allServing ? change(SITE, ONLINE, siteServing) : change(SITE, DEGRADED, "Some features fail"));
        return changes;
    }

    private static List<ComponentChange> database(String status, String experience) {
        return List.of(change(DATABASE, status, experience));
    }

    private static ComponentChange change(String component, String status, String experience) {
        return new ComponentChange(component, status, experience);
    }

    private static <T> void fact(Class<T> type, Function<T, List<ComponentChange>> fact) {
        FACTS.put(type, event -> fact.apply(type.cast(event)));
    }
}
