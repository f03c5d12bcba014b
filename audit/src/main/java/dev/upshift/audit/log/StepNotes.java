package dev.upshift.audit.log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.BackupVerified;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.CleanupCompleted;
import dev.upshift.orchestrator.api.events.ClusterUpgraded;
import dev.upshift.orchestrator.api.events.CollatedIndexesRebuilt;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.CompatibilityChecksPassed;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound;
import dev.upshift.orchestrator.api.events.ComposeFileReverted;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.ContainerRemoved;
import dev.upshift.orchestrator.api.events.DataRestored;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.DependentsRestarted;
import dev.upshift.orchestrator.api.events.DependentsStopped;
import dev.upshift.orchestrator.api.events.DiskSpaceChecked;
import dev.upshift.orchestrator.api.events.FenceHeld;
import dev.upshift.orchestrator.api.events.FenceLifted;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.HealthValidated;
import dev.upshift.orchestrator.api.events.ImagePulled;
import dev.upshift.orchestrator.api.events.IntegrityVerified;
import dev.upshift.orchestrator.api.events.LogicalDecodingReady;
import dev.upshift.orchestrator.api.events.NewContainerRemoved;
import dev.upshift.orchestrator.api.events.OldClusterRestored;
import dev.upshift.orchestrator.api.events.OldContainerKept;
import dev.upshift.orchestrator.api.events.OldContainerRecreated;
import dev.upshift.orchestrator.api.events.OldDatabaseVerified;
import dev.upshift.orchestrator.api.events.OldVersionRestored;
import dev.upshift.orchestrator.api.events.ReplicaBuilt;
import dev.upshift.orchestrator.api.events.ReplicaCaughtUp;
import dev.upshift.orchestrator.api.events.ReplicaRemoved;
import dev.upshift.orchestrator.api.events.ReplicationProgressed;
import dev.upshift.orchestrator.api.events.ReplicationEnded;
import dev.upshift.orchestrator.api.events.ServiceHealthy;
import dev.upshift.orchestrator.api.events.ServicesHealthChecked;
import dev.upshift.orchestrator.api.events.ServicesRestored;
import dev.upshift.orchestrator.api.events.SmokeQueriesPassed;
import dev.upshift.orchestrator.api.events.StatisticsRebuilt;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import dev.upshift.orchestrator.api.events.UpgradeCheckPassed;
import dev.upshift.orchestrator.api.events.UpgradeImageChecked;
import dev.upshift.orchestrator.api.events.UpgradedServerStarted;
import dev.upshift.orchestrator.api.events.VersionVerified;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import dev.upshift.orchestrator.text.Bytes;
import dev.upshift.orchestrator.text.Durations;

/** The notes column of the execution log: what a step saw or did, in the runbook's own terse style. */
public final class StepNotes {

    private static final Map<Class<?>, Function<Object, String>> NOTES = new LinkedHashMap<>();

    static {
        note(BaselineCaptured.class, captured -> baseline(captured.baseline()));
        note(DiskSpaceChecked.class, checked -> checked.locations().stream()
                .map(space -> space.purpose() + ": " + Bytes.human(space.freeBytes()) + " free (needs "
                        + Bytes.human(space.requiredBytes()) + ")")
                .collect(Collectors.joining("; ")));
        note(ServicesHealthChecked.class, checked -> services(checked.services()));
        note(CompatibilityChecked.class, checked -> checked.targetImage() + " (" + shortId(checked.imageId())
                + ") runs PostgreSQL " + checked.serverVersion() + "; has " + String.join(", ", checked.extensions()));
        note(UpgradeImageChecked.class, checked -> checked.image() + ": PostgreSQL " + checked.oldVersion() + " → "
                + checked.newVersion() + "; cluster " + checked.cluster().encoding() + ", " + checked.cluster().collate()
                + ", checksums " + (checked.cluster().dataChecksums() ? "on" : "off"));
        note(UpgradeCheckPassed.class, passed -> "pg_upgrade --check --" + passed.transfer()
                + " on a base backup: clusters are compatible; scratch volume removed");
        note(CompatibilityChecksPassed.class, passed -> passed.checks().size() + " checks; " + (passed.warnings().isEmpty()
                ? "nothing found" : "warnings: " + passed.warnings().stream()
                .map(warning -> warning.substring(0, warning.indexOf(": "))).collect(Collectors.joining(", "))));
        note(BackupCreated.class, created -> file(created.file()));
        note(BackupVerified.class, verified -> verified.tocEntries() + " TOC entries verified; "
                + verified.files().size() + " files match their sha256");
        note(ComposeFileUpdated.class, updated -> name(updated.file()) + " → " + updated.image() + ", volume "
                + updated.volume() + mountMove(updated) + " (original kept as " + name(updated.originalCopy()) + ")");
        note(ImagePulled.class, pulled -> pulled.image() + (pulled.pulled() ? " pulled" : " already present")
                + " (" + shortId(pulled.imageId()) + ")");
        note(FinalDumpTaken.class, taken -> "final dump " + file(taken.file()) + " behind the fence; "
                + taken.writesSinceFence() + " writes since the fence");
        note(FenceHeld.class, held -> "fenced and counted; " + held.writesSinceFence() + " writes since the fence");
        note(DatabaseStopped.class, stopped -> "Stopped " + stopped.spec().name() + "; its configuration recorded");
        note(VolumeSnapshotted.class, snapshot -> (snapshot.newVolume().equals(snapshot.oldVolume())
                ? "no new volume: the new cluster goes beside the old one in " + snapshot.oldVolume()
                : snapshot.oldVolume() + " kept untouched; new volume " + snapshot.newVolume())
                + (snapshot.copy() == null ? "" : "; copied to " + snapshot.copy()));
        note(ContainerRemoved.class, removed -> "Container " + removed.name() + " removed, volume kept");
        note(OldContainerKept.class, kept -> "Container " + kept.name() + " kept, stopped, as " + kept.keptAs()
                + "; volume kept");
        note(CleanupCompleted.class, completed -> completed.left().isEmpty() ? "all removed"
                : "left: " + String.join("; ", completed.left()));
        note(DataRestored.class, restored -> "Data restored from " + name(restored.dump())
                + (restored.cluster() == null ? "" : "; checksums " + (restored.cluster().dataChecksums() ? "on" : "off")));
        note(ClusterUpgraded.class, upgraded -> "pg_upgrade --" + upgraded.transfer()
                + (upgraded.newVolume().equals(upgraded.oldVolume()) ? " beside the old cluster in " + upgraded.oldVolume()
                : " into " + upgraded.newVolume() + "; " + upgraded.oldVolume() + " kept"));
        note(UpgradedServerStarted.class, started -> "New server started from " + started.image() + ", healthy; "
                + "connection limit " + started.connectionLimit() + " again");
        note(CollatedIndexesRebuilt.class, rebuilt -> !rebuilt.libraryChanged() ? "the C library sorts as before: nothing to rebuild"
                : rebuilt.indexes().size() + " index" + (rebuilt.indexes().size() == 1 ? "" : "es") + " rebuilt for the new "
                + "C library" + (rebuilt.indexes().isEmpty() ? "" : " (" + String.join(", ", rebuilt.indexes()) + ")")
                + "; collation versions refreshed");
        note(LogicalDecodingReady.class, ready -> ready.restarted()
                ? "wal_level " + ready.previousWalLevel() + " → logical; the old server restarted in "
                + Durations.seconds(Duration.ofMillis(ready.restartMillis()))
                : "wal_level is logical already: no restart");
        note(ReplicaBuilt.class, built -> "Replica " + built.container() + " on " + built.volume() + ": roles and schema "
                + "copied, subscribed to " + built.publication() + " (" + built.tables() + " tables, "
                + built.sequences().size() + " sequences to copy at the switch)");
        note(ReplicaCaughtUp.class, caughtUp -> caughtUp.tables() + " tables copied; " + Bytes.human(caughtUp.lagBytes())
                + " behind");
        note(ReplicationEnded.class, ended -> "the replica confirmed the log up to " + ended.fencePosition() + " in "
                + Durations.seconds(Duration.ofMillis(ended.drainMillis())) + "; schema unchanged; "
                + ended.sequences().size() + " sequences set; subscription, slot and publication dropped");
        note(ReplicaRemoved.class, removed -> removed.removed().isEmpty() ? "No replica left to remove"
                : "Removed " + String.join(", ", removed.removed()) + "; the replica's volume kept");
        note(VersionVerified.class, verified -> "PostgreSQL " + verified.serverVersion() + " running");
        note(IntegrityVerified.class, verified -> verified.tables() + " tables, " + verified.rows()
                + " rows as counted at the fence, " + verified.extensions().size() + " extensions"
                + (verified.migrationVersion() == null ? "" : ", alembic OK"));
        note(ServiceHealthy.class, healthy -> healthy.service() + " " + healthy.health());
        note(ServicesRestored.class, restored -> "All " + restored.services().size() + " services running: "
                + services(restored.services()));
        note(HealthValidated.class, validated -> services(validated.services()));
        note(StatisticsRebuilt.class, rebuilt -> "Statistics rebuilt in stages; " + (rebuilt.extensionsUpdated().isEmpty()
                ? "extensions up to date" : "updated " + String.join(", ", rebuilt.extensionsUpdated())));
        note(SmokeQueriesPassed.class, passed -> String.join(", ", passed.checks()));
        note(DependentsStopped.class, stopped -> "Stopped " + String.join(", ", stopped.services()));
        note(NewContainerRemoved.class, removed -> removed.containerId() == null
                ? "No new container to remove" : "New container removed, its volume kept");
        note(ComposeFileReverted.class, reverted -> name(reverted.file()) + " is the original again");
        note(OldContainerRecreated.class, recreated -> "Old server running and healthy");
        note(OldClusterRestored.class, restored -> "pg_control.old renamed back; the never-started new cluster "
                + restored.removedDirectory() + " removed from " + restored.volume());
        note(OldVersionRestored.class, restored -> "Old version restored from " + name(restored.dump())
                + " into fresh volume " + restored.volume() + ", healthy");
        note(FenceLifted.class, lifted -> "Connection limit " + lifted.connectionLimit() + " again");
        note(OldDatabaseVerified.class, verified -> "PostgreSQL " + verified.serverVersion() + ", " + verified.rows()
                + " rows as counted at the fence");
        note(DependentsRestarted.class, restarted -> services(restarted.services()));
    }

    private StepNotes() {
    }

    /** ", mounted at /var/lib/postgresql (was /var/lib/postgresql/data)" where 2.1 moved the mount, else nothing. */
    private static String mountMove(ComposeFileUpdated updated) {
        return updated.dataLayout() == null || !updated.dataLayout().movesMountFrom(updated.previousDataLayout()) ? ""
                : ", mounted at " + updated.dataLayout().mountTarget() + " (was "
                        + updated.previousDataLayout().mountTarget() + ")";
    }

    /** The outcomes that have a note of their own. */
    public static Set<Class<?>> types() {
        return Collections.unmodifiableSet(NOTES.keySet());
    }

    public static String of(StepOutcome outcome) {
        Function<Object, String> note = NOTES.get(outcome.getClass());
        return note == null ? "" : note.apply(outcome);
    }

    /** What a compatibility check found and what to do: "prepared transactions: 1 waits … — what to do: …". */
    public static String finding(CompatibilityIssueFound found) {
        return found.check() + ": " + found.detail() + " — what to do: " + found.remedy();
    }

    /** How far a step's transfer is, while the step runs: "restoring: 1 200 of 2 400 entries (50 %)". */
    public static String progress(TransferProgressed progressed) {
        return progressed.activity() + ": " + count(progressed.done()) + " of " + count(progressed.total()) + " "
                + progressed.unit() + " (" + percent(progressed) + " %)";
    }

    /** How far the replica is while it catches up: "replicating: 31 of 38 tables copied, 4.0 MB (0.1 s) behind". */
    public static String progress(ReplicationProgressed progressed) {
        return "replicating: " + progressed.tablesCopied() + " of " + progressed.tables() + " tables copied, "
                + Bytes.human(progressed.lagBytes()) + (progressed.lagMillis() < 0 ? ""
                : " (" + Durations.seconds(Duration.ofMillis(progressed.lagMillis())) + ")") + " behind";
    }

    /** How much of the transfer is done, in whole percent (a total of 0 counts as 1). */
    public static long percent(TransferProgressed progressed) {
        return progressed.done() * 100 / Math.max(1, progressed.total());
    }

    /** Thousands apart, as the runbook writes them: "1 200 000". */
    public static String count(long number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
    }

    private static <T> void note(Class<T> type, Function<T, String> note) {
        NOTES.put(type, event -> note.apply(type.cast(event)));
    }

    private static String baseline(Baseline baseline) {
        StringBuilder notes = new StringBuilder("PG ").append(baseline.serverVersion().split(" ")[0])
                .append(", ").append(Bytes.human(baseline.databaseSizeBytes()))
                .append(", ").append(baseline.tables().size()).append(" tables");
        for (String table : new String[] {"users", "posts"}) {
            long rows = baseline.rowsOf(table);
            if (rows >= 0) {
                notes.append(", ").append(rows).append(' ').append(table);
            }
        }
        if (baseline.migrationVersion() != null) {
            notes.append(", alembic ").append(baseline.migrationVersion());
        }
        return notes.toString();
    }

    private static String services(List<ServiceHealth> services) {
        return services.stream()
                .map(service -> service.service() + " " + ("none".equals(service.health()) ? service.state() : service.health()))
                .collect(Collectors.joining(", "));
    }

    private static String file(BackupFile file) {
        return name(file.path()) + " (" + Bytes.human(file.sizeBytes()) + ")";
    }

    private static String name(String path) {
        return Path.of(path).getFileName().toString();
    }

    private static String shortId(String imageId) {
        String hex = imageId.replaceFirst("^sha256:", "");
        return "sha256:" + hex.substring(0, Math.min(8, hex.length()));
    }
}
