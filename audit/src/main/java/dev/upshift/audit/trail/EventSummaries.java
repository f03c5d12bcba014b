package dev.upshift.audit.trail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.upshift.audit.log.StepNotes;
import dev.upshift.orchestrator.api.SkippedWindow;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.BackupsRemoved;
import dev.upshift.orchestrator.api.events.CleanupRequested;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound.Verdict;
import dev.upshift.orchestrator.api.events.ContainerStarted;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.DowntimeApproved;
import dev.upshift.orchestrator.api.events.DowntimeGateReached;
import dev.upshift.orchestrator.api.events.DowntimeScheduled;
import dev.upshift.orchestrator.api.events.IntegrityMismatchDetected;
import dev.upshift.orchestrator.api.events.MaintenanceWindowReached;
import dev.upshift.orchestrator.api.events.NoMaintenanceWindowFits;
import dev.upshift.orchestrator.api.events.OldContainerRemoved;
import dev.upshift.orchestrator.api.events.OldImageRemoved;
import dev.upshift.orchestrator.api.events.OldVolumeRemoved;
import dev.upshift.orchestrator.api.events.PointOfNoReturnPassed;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.RehearsalCleanedUp;
import dev.upshift.orchestrator.api.events.RehearsalCompleted;
import dev.upshift.orchestrator.api.events.RehearsalFailed;
import dev.upshift.orchestrator.api.events.RehearsalStarted;
import dev.upshift.orchestrator.api.events.RetentionCancelled;
import dev.upshift.orchestrator.api.events.RetentionRemovalFailed;
import dev.upshift.orchestrator.api.events.RetentionScheduled;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.RunPaused;
import dev.upshift.orchestrator.api.events.RunResumed;
import dev.upshift.orchestrator.api.events.RunStarted;
import dev.upshift.orchestrator.api.events.ServiceStarted;
import dev.upshift.orchestrator.api.events.ServiceStopped;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.ReplicationProgressed;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.text.Durations;

/** The audit trail's one-line summary of each event: the execution log's notes for outcomes, a sentence for the rest. */
public final class EventSummaries {

    private static final Map<Class<?>, Function<Object, String>> SUMMARIES = new LinkedHashMap<>();

    static {
        summary(UpgradePlanned.class, planned -> planned(planned.plan()));
        summary(PreflightStarted.class, started -> "Pre-flight started");
        summary(PreflightPassed.class, passed -> "Pre-flight passed");
        summary(PreflightFailed.class, failed -> "Pre-flight failed at " + failed.step().number() + ": " + failed.reason());
        summary(RunStarted.class, run -> "Run started by " + run.runner()
                + (run.until() == null ? "" : ", to pause after " + run.until()));
        summary(RunResumed.class, run -> "Run resumed by " + run.runner()
                + (run.inProgress() == null ? "" : "; " + run.inProgress().number() + " was in progress"));
        summary(RunPaused.class, paused -> "Paused after " + paused.after() + " as asked");
        summary(DowntimeGateReached.class, gate -> "Waiting at the gate: the downtime needs approval");
        summary(DowntimeApproved.class, approved -> "Downtime approved");
        summary(DowntimeScheduled.class, scheduled -> "Phase 3 waits for the maintenance window " + scheduled.window()
                + ": the nodes start it at " + scheduled.opensAt() + " (it closes at " + scheduled.closesAt() + "); "
                + expected(scheduled.expectedDowntime(), scheduled.expectedDowntimeSource())
                + skipped(scheduled.skipped()));
        summary(MaintenanceWindowReached.class, reached -> "Maintenance window " + reached.window() + " reached: Phase 3 "
                + "starts (the window closes at " + reached.closesAt() + "); "
                + expected(reached.expectedDowntime(), reached.expectedDowntimeSource()) + skipped(reached.skipped()));
        summary(NoMaintenanceWindowFits.class, none -> "No maintenance window within a year holds the downtime: "
                + expected(none.expectedDowntime(), none.expectedDowntimeSource()) + skipped(none.skipped()));
        summary(StepStarted.class, started -> started.step() + " started");
        summary(StepFailed.class, failed -> failed.step().number() + " failed: " + failed.reason());
        summary(ServiceStopped.class, stopped -> "Stopped " + stopped.service() + " (" + stopped.container() + ")");
        summary(DatabaseFenced.class, fenced -> "Database fenced: new connections refused (limit was "
                + fenced.previousConnectionLimit() + "), " + fenced.terminatedSessions() + " sessions ended, rows of "
                + fenced.tables().size() + " tables counted");
        summary(StepDue.class, due -> due.step().number() + " due, for " + due.runner());
        summary(TransferProgressed.class, progressed -> progressed.step().number() + " "
                + StepNotes.progress(progressed));
        summary(ReplicationProgressed.class, progressed -> progressed.step().number() + " "
                + StepNotes.progress(progressed));
        summary(ContainerStarted.class, started -> "New server started from " + started.image());
        summary(PointOfNoReturnPassed.class, passed -> passed.step().number() + " point of no return: the new server "
                + "starts on data files the old cluster shares in " + passed.volume() + "; a rollback from here is the full one");
        summary(ServiceStarted.class, started -> "Started " + started.service() + " (" + started.container() + ")");
        summary(CompatibilityIssueFound.class, found -> found.step().number() + " "
                + (found.verdict() == Verdict.BLOCKS ? "blocking finding, " : "warning, ") + StepNotes.finding(found));
        summary(IntegrityMismatchDetected.class, mismatch -> "Integrity mismatch: "
                + String.join("; ", mismatch.differences()));
        summary(RollbackInitiated.class, rollback -> "Rollback started (" + (rollback.automatic() ? "automatic" : "by the operator")
                + ", " + rollback.mode() + "): " + rollback.reason() + "; undoing with " + steps(rollback.steps()));
        summary(RollbackCompleted.class, completed -> "Rollback completed: the stack serves on the old version");
        summary(RollbackFailed.class, failed -> "Rollback stopped at " + failed.step().number() + ": " + failed.reason()
                + "; left " + failed.leftForOperator());
        summary(UpgradeCompleted.class, completed -> "Upgrade completed: the stack serves on the new version");
        summary(RehearsalStarted.class, started -> "Rehearsal " + started.rehearsalId() + " started on a scratch copy ("
                + started.scratchProject() + ")");
        summary(RehearsalCompleted.class, rehearsed -> "Rehearsal " + rehearsed.rehearsalId() + " completed: expected "
                + "downtime " + Durations.seconds(rehearsed.downtime()));
        summary(RehearsalFailed.class, failed -> "Rehearsal " + failed.rehearsalId() + " failed at " + failed.step()
                + ": " + failed.reason());
        summary(RehearsalCleanedUp.class, cleaned -> "Rehearsal " + cleaned.rehearsalId() + " removed: containers "
                + String.join(", ", cleaned.containers()) + "; volumes " + String.join(", ", cleaned.volumes())
                + "; " + cleaned.directory() + (cleaned.notRemoved().isEmpty() ? ""
                        : "; not removed: " + String.join("; ", cleaned.notRemoved())));
        summary(RetentionScheduled.class, scheduled -> "Kept: " + scheduled.items().stream()
                .map(item -> item + " until " + item.until()).collect(Collectors.joining(", "))
                + scheduled.keptForGood().stream().map(kept -> "; not removed: " + kept).collect(Collectors.joining()));
        summary(OldContainerRemoved.class, removed -> removed.step().number() + " removed container " + removed.name()
                + " (" + removed.containerId() + ")");
        summary(OldImageRemoved.class, removed -> removed.step().number() + " removed image " + removed.reference()
                + " (" + removed.imageId() + ")");
        summary(OldVolumeRemoved.class, removed -> removed.step().number() + " removed volume " + removed.volume());
        summary(BackupsRemoved.class, removed -> removed.step().number() + " removed backups "
                + String.join(", ", removed.files()));
        summary(RetentionRemovalFailed.class, failed -> failed.step().number() + " removal failed (attempt "
                + failed.attempt() + "): " + failed.reason() + (failed.retryAt() == null
                ? "; not tried again by itself: upshift cleanup " + failed.upgradeId() + " --now --yes"
                : "; tried again at " + failed.retryAt()));
        summary(CleanupRequested.class, requested -> "Cleanup now, by " + requested.runner());
        summary(RetentionCancelled.class, cancelled -> "Retention cancelled (" + cancelled.reason() + "); kept: "
                + (cancelled.kept().isEmpty() ? "nothing left" : String.join(", ", cancelled.kept())));
    }

    private EventSummaries() {
    }

    /** The simple names of every event type Upshift records, sorted. */
    public static Set<String> knownTypes() {
        Set<String> types = new TreeSet<>();
        SUMMARIES.keySet().forEach(type -> types.add(type.getSimpleName()));
        StepNotes.types().forEach(type -> types.add(type.getSimpleName()));
        return types;
    }

    public static String of(Object event) {
        if (event instanceof StepOutcome outcome) {
            String note = StepNotes.of(outcome);
            return outcome.step().number() + " done" + (note.isEmpty() ? "" : ": " + note);
        }
        Function<Object, String> summary = SUMMARIES.get(event.getClass());
        return summary == null ? event.getClass().getSimpleName() : summary.apply(event);
    }

    private static <T> void summary(Class<T> type, Function<T, String> summary) {
        SUMMARIES.put(type, event -> summary.apply(type.cast(event)));
    }

    private static String planned(UpgradePlan plan) {
        return "Planned: " + plan.project() + "/" + plan.service() + " from " + plan.sourceImage() + " to "
                + plan.targetImage() + " (" + plan.method().label() + (plan.transfer() == null ? "" : ", " + plan.transfer())
                + "), dependents " + String.join(", ", plan.stopOrder())
                + (plan.windows().isEmpty() ? "" : ", Phase 3 in the windows " + String.join("; ", plan.windows()));
    }

    private static String expected(Duration downtime, String source) {
        return "expected downtime " + Durations.human(downtime) + " (" + source + ")";
    }

    private static String skipped(List<SkippedWindow> skipped) {
        return skipped.stream().map(window -> "; skipped " + window.window() + " opening at " + window.opens() + ": "
                + window.reason()).collect(Collectors.joining());
    }

    private static String steps(List<Step> steps) {
        return steps.isEmpty() ? "nothing to undo" : steps.stream().map(Step::toString).collect(Collectors.joining(", "));
    }
}
