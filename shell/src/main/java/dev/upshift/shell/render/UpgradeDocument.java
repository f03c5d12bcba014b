package dev.upshift.shell.render;

import java.time.Instant;
import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.queries.DowntimeWindow;
import dev.upshift.orchestrator.api.queries.LogEntry;
import dev.upshift.orchestrator.api.queries.UpgradeSummary;
import dev.upshift.orchestrator.api.queries.UpgradeView;

/**
 * An upgrade as it stands: the one JSON shape that {@code plan}, {@code run}, {@code advance}, {@code resume},
 * {@code rollback}, {@code status} and {@code list} print with {@code --json} (docs/json-output.md). Locked by
 * {@code UpgradeJsonApprovalTest}: a field added, renamed or removed changes that document and its fixtures.
 */
public record UpgradeDocument(
        String id,
        UpgradeStatus status,
        String project,
        String service,
        String method,
        Plan plan,
        Server source,
        Server target,
        Server current,
        Baseline baseline,
        String stepInProgress,
        String lastFailure,
        String drivenBy,
        String engine,
        Downtime downtime,
        Double expectedDowntimeSeconds,
        Instant plannedAt,
        Instant updatedAt,
        List<LogEntry> log,
        String next,
        DowntimeWindow downtimeWindow,
        List<KeptItems.Kept> retention) {

    public UpgradeDocument {
        log = List.copyOf(log);
        retention = List.copyOf(retention);
    }

    public static UpgradeDocument of(UpgradePlan plan, UpgradeView view, UpgradeSummary summary, List<LogEntry> log,
                                     List<KeptItems.Kept> retention) {
        return new UpgradeDocument(view.upgradeId(), view.status(), view.project(), view.service(), view.method(),
                Plan.of(plan), new Server(plan.sourceImage(), summary.sourceVersion()),
                new Server(plan.targetImage(), summary.targetVersion()),
                new Server(view.currentImage(), view.currentVersion()), view.baseline(), view.currentStep(),
                view.lastFailure(), view.runner(), view.engine(), Downtime.of(summary),
                view.expectedDowntime() == null ? null : view.expectedDowntime().toMillis() / 1000.0, view.plannedAt(),
                view.updatedAt(), log, NextCommand.of(view.upgradeId(), view.status()), view.downtimeWindow(), retention);
    }

    /** The same upgrade with another next command: the one that confirms what this command stopped short of. */
    public UpgradeDocument withNext(String command) {
        return new UpgradeDocument(id, status, project, service, method, plan, source, target, current, baseline,
                stepInProgress, lastFailure, drivenBy, engine, downtime, expectedDowntimeSeconds, plannedAt, updatedAt, log,
                command, downtimeWindow, retention);
    }

    /** The plan's facts about the stack, as recorded when it was planned. */
    public record Plan(String composeFile, String database, String superuser, String volume, String dataDirectory,
                       String backupDir, List<String> stopOrder, List<String> startOrder) {

        static Plan of(UpgradePlan plan) {
            return new Plan(plan.composeFile(), plan.database(), plan.superuser(), plan.volume(), plan.dataDirectory(),
                    plan.backupDir(), plan.stopOrder(), plan.startOrder());
        }
    }

    /** An image and the PostgreSQL version it runs ("17.7"), null while not known yet. */
    public record Server(String image, String version) {
    }

    /**
     * From the first dependent stopped to the last one serving again.
     *
     * @param ended null while ongoing
     * @param seconds whole seconds; while ongoing, up to the upgrade's last event
     */
    public record Downtime(Instant started, Instant ended, long seconds, boolean ongoing) {

        static Downtime of(UpgradeSummary summary) {
            if (summary.downtime() == null) {
                return null;
            }
            // a rollback after Phase 4 stops the dependents again: the end of the first stretch is not the end
            Instant ended = summary.downtimeOngoing() ? null : summary.downtimeEnded();
            return new Downtime(summary.downtimeStarted(), ended, summary.downtime().toSeconds(), summary.downtimeOngoing());
        }
    }
}
