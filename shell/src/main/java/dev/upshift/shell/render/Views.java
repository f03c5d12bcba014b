package dev.upshift.shell.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.queries.DowntimeWindow;
import dev.upshift.orchestrator.api.queries.LogEntry;
import dev.upshift.orchestrator.api.queries.UpgradeSummary;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import dev.upshift.orchestrator.text.Bytes;
import dev.upshift.orchestrator.text.Durations;

/** What the commands print, shaped like the runbook: its summary table, its phases, its execution log. */
public final class Views {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /** A plan that names no engine acts on the default engine of whichever process drives it. */
    private static final String DEFAULT_ENGINE = "default";

    private Views() {
    }

    public static String plan(String upgradeId, UpgradePlan plan) {
        StringBuilder out = new StringBuilder("# Upgrade plan " + upgradeId + "\n\n");
        MarkdownTable table = new MarkdownTable("Item", "Value")
                .row("Compose file", plan.composeFile())
                .row("Project / service", plan.project() + " / " + plan.service())
                .row("Current image", plan.sourceImage())
                .row("Target image", plan.targetImage())
                .row("Method", plan.method().label());
        if (plan.upgradeImage() != null) {
            table.row("Upgrade image / transfer", plan.upgradeImage() + " / " + plan.transfer());
        }
        if (plan.method() == UpgradeMethod.LOGICAL) {
            table.row("Restart of the old server", plan.restartAllowed()
                    ? "allowed, once at 2.2 if wal_level is not logical (--allow-restart)" : "not allowed");
        }
        out.append(table
                .row("Database / root user", plan.database() + " / " + plan.superuser())
                .row("Password", "read at run time: " + plan.password())
                .row("Data volume", plan.volume() + " at " + plan.dataDirectory() + (UpgradePlan.COPY.equals(plan.snapshot())
                        ? "; copied at 3.3" : ""))
                .row("Backups", plan.backupDir())
                .row("Maintenance windows", plan.windows().isEmpty() ? "none: Phase 3 at any time"
                        : String.join("; ", plan.windows()))
                .row("Kept after completion", "old container and image " + kept(plan.keepOldImage())
                        + ", old volume and backups " + kept(plan.keepOldData()))
                .row("Stop order", String.join(", ", plan.stopOrder()))
                .row("Start order", String.join(", ", plan.startOrder()))
                .render());
        Runbook runbook = Runbook.of(plan);
        for (Phase phase : Phase.values()) {
            if (runbook.inPhase(phase).isEmpty()) {
                continue;
            }
            out.append("\n### Phase ").append(phase.number()).append(": ").append(phase.title()).append('\n');
            runbook.inPhase(phase).forEach(step -> out.append("- ").append(step).append('\n'));
        }
        return out.toString();
    }

    /** "7d", "24h 0m 0s", "20s": how long retention keeps something. */
    private static String kept(Duration duration) {
        return duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0 ? duration.toDays() + "d" : Durations.human(duration);
    }

    public static String status(UpgradeView view) {
        return status(view, null);
    }

    /**
     * "Current" is the server that runs the database now; the baseline is what Phase 0 saw before anything changed.
     * With the downtime the summary computed from the events, once a dependent has stopped.
     */
    public static String status(UpgradeView view, UpgradeSummary summary) {
        MarkdownTable table = new MarkdownTable("Item", "Value")
                .row("Status", view.status())
                .row("Project / service", view.project() + " / " + view.service())
                .row("Current image", view.currentImage())
                .row("Current version", view.currentVersion() == null ? "not verified yet"
                        : "PostgreSQL " + view.currentVersion())
                .row("Target image", view.targetImage())
                .row("Method", view.method())
                .row("Planned", time(view.plannedAt()))
                .row("Last change", time(view.updatedAt()))
                .row("Driven by", drivenBy(view))
                .row("Engine", view.engine() == null ? DEFAULT_ENGINE + " (of the process that drives it)" : view.engine());
        if (view.currentStep() != null) {
            table.row("Step in progress", view.currentStep());
        }
        if (view.lastFailure() != null) {
            table.row("Last failure", view.lastFailure());
        }
        if (summary != null && summary.downtime() != null) {
            table.row("Downtime", downtime(summary));
        }
        if (view.downtimeWindow() != null) {
            window(table, view.downtimeWindow());
        }
        String status = "# Upgrade " + view.upgradeId() + "\n\n" + table.render();
        return view.baseline() == null ? status : status + "\n## Baseline (Phase 0, before the upgrade)\n\n"
                + baseline(view.baseline()).render();
    }

    /** The plan's windows; once Phase 2 has ended, the downtime they had to hold and when it starts (or started). */
    private static void window(MarkdownTable table, DowntimeWindow window) {
        table.row("Maintenance windows", String.join("; ", window.windows()));
        if (window.expectedDowntime() != null) {
            table.row("Expected downtime", Durations.human(window.expectedDowntime()) + " ("
                    + window.expectedDowntimeSource() + ")");
            table.row("Downtime starts", window.noneHoldsTheDowntime() ? "never: no window within a year holds it"
                    : time(window.downtimeStarts()) + " UTC, in " + window.window() + " (closes " + time(window.windowCloses())
                            + " UTC)");
        }
    }

    /**
     * What an upgrade waiting for its maintenance window waits for, and what the operator does meanwhile; for
     * {@code run}, {@code advance}, {@code resume} and {@code log}.
     */
    public static String windowWait(UpgradeView view) {
        DowntimeWindow window = view.downtimeWindow();
        String id = view.upgradeId();
        String expected = Durations.human(window.expectedDowntime()) + " expected (" + window.expectedDowntimeSource() + ")";
        if (window.noneHoldsTheDowntime()) {
            return "No maintenance window within a year holds the downtime (" + expected + "): `upshift log " + id
                    + "` says why each was passed over; `upshift rollback " + id + " --yes` gives the upgrade up, to plan "
                    + "it again with other windows.";
        }
        return "Phase 3 waits for its maintenance window " + window.window() + ": the downtime (" + expected + ") starts at "
                + time(window.downtimeStarts()) + " UTC on a node — one must be serving then (`upshift serve`, on this "
                + "store). Follow it with `upshift status " + id + "` or `upshift log " + id + "`.";
    }

    private static MarkdownTable baseline(Baseline baseline) {
        MarkdownTable table = new MarkdownTable("Baseline", "Value")
                .row("Version", "PostgreSQL " + baseline.serverVersion())
                .row("Database name", baseline.database())
                .row("Database size", Bytes.human(baseline.databaseSizeBytes()))
                .row("Tables", baseline.tables().size())
                .row("Extensions", String.join(", ", baseline.extensions().stream()
                        .map(extension -> extension.name() + " " + extension.version()).toList()))
                .row("Roles", String.join(", ", baseline.roles().stream()
                        .map(role -> role.attributes().isEmpty() ? role.name()
                                : role.name() + " (" + String.join(", ", role.attributes()) + ")").toList()))
                .row("Migration version", baseline.migrationVersion());
        baseline.tables().stream().filter(t -> t.name().equals("users") || t.name().equals("posts"))
                .forEach(t -> table.row(capitalized(t.name()), t.rows()));
        return table;
    }

    /** What the last rehearsal measured, or how to measure it. */
    public static String expectedDowntime(UpgradeView view) {
        return view.expectedDowntime() == null ? "not rehearsed yet (upshift rehearse " + view.upgradeId() + ")"
                : Durations.seconds(view.expectedDowntime()) + " (rehearsed)";
    }

    /** "\nNext: upshift …" when the operator has a command to type, else nothing. */
    public static String next(UpgradeView view) {
        String command = NextCommand.of(view.upgradeId(), view.status());
        return command == null ? "" : "\nNext: " + command;
    }

    public static String list(List<UpgradeView> views) {
        if (views.isEmpty()) {
            return "No upgrades in the store yet. Start with: upshift plan --compose FILE --service db --to IMAGE";
        }
        MarkdownTable table = new MarkdownTable("Upgrade", "Status", "Project", "From", "To", "Planned", "Driven by",
                "Engine");
        views.forEach(view -> table.row(view.upgradeId(), view.status(), view.project(), view.sourceImage(),
                view.targetImage(), time(view.plannedAt()), drivenBy(view),
                view.engine() == null ? DEFAULT_ENGINE : view.engine()));
        return table.render();
    }

    private static String drivenBy(UpgradeView view) {
        return view.runner() == null ? "nobody yet" : view.runner();
    }

    public static String log(List<LogEntry> entries) {
        MarkdownTable table = new MarkdownTable("Step", "Started", "Ended", "Status", "Notes");
        entries.forEach(entry -> table.row("Phase " + entry.step() + " " + entry.title(), time(entry.started()),
                time(entry.ended()), status(entry.status()), entry.notes()));
        return table.render();
    }

    /** "4m 0s (20:12:00 – 20:16:00 UTC)", or "1m 10s so far (down since 20:12:00 UTC)" while it lasts. */
    static String downtime(UpgradeSummary summary) {
        String since = CLOCK.format(summary.downtimeStarted());
        return summary.downtimeOngoing()
                ? Durations.human(summary.downtime()) + " so far (down since " + since + " UTC)"
                : Durations.human(summary.downtime()) + " (" + since + " – " + CLOCK.format(summary.downtimeEnded()) + " UTC)";
    }

    private static String status(String status) {
        return switch (status) {
            case LogEntry.DONE -> "✅ Done";
            case LogEntry.FAILED -> "❌ Failed";
            default -> "🔄 Running";
        };
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
