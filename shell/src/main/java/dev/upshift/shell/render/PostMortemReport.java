package dev.upshift.shell.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.upshift.audit.integrity.ChainVerdict;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.queries.ComponentStatus;
import dev.upshift.orchestrator.api.queries.LogEntry;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import dev.upshift.orchestrator.api.queries.UpgradeSummary;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import dev.upshift.orchestrator.text.Bytes;
import dev.upshift.orchestrator.text.Durations;

/**
 * A post-mortem shaped like the runbook it automates: status line, Executive Summary, Execution Log, the status
 * tables of each moment, and what was rolled back and why. Every figure comes from the upgrade's events.
 */
public final class PostMortemReport {

    private PostMortemReport() {
    }

    /**
     * @param timeline the SVG's file name, relative to the Markdown
     * @param chain    the upgrade's digest chain, whose head pins the report to the history it was made from
     */
    public static String markdown(UpgradePlan plan, UpgradeAt state, String timeline, ChainVerdict chain) {
        UpgradeView view = state.upgrade();
        UpgradeSummary summary = state.summary();
        StringBuilder out = new StringBuilder("# PostgreSQL Upgrade Post-Mortem: ").append(view.upgradeId())
                .append(" (").append(plan.project()).append(")\n\n")
                .append("> **Status:** ").append(status(view.status())).append("  \n")
                .append("> **Upgrade:** `").append(plan.sourceImage()).append("` → `").append(plan.targetImage())
                .append("` (").append(plan.method().label()).append(")  \n");
        if (summary != null && summary.started() != null) {
            out.append("> **Ran:** ").append(Views.time(summary.started())).append(" – ")
                    .append(summary.ended() == null ? "still going" : Views.time(summary.ended()) + " UTC").append("  \n");
        }
        out.append("> **Actual Downtime:** ").append(downtime(summary)).append("  \n")
                .append("> **Source:** ").append(state.events()).append(" events in the store; every time is an event's  \n")
                .append("> **History:** ").append(ChainVerdicts.line(chain)).append("\n\n")
                .append("---\n\n## Executive Summary\n\n").append(executiveSummary(plan, view, summary))
                .append("\n## Timeline\n\n![Timeline of ").append(view.upgradeId()).append("](").append(timeline)
                .append(")\n\n## Execution Log\n\n").append(Views.log(state.log()))
                .append("\n## Website Behavior at Key Moments\n");
        moments(state.components()).forEach((moment, rows) -> out.append("\n### ").append(moment.moment())
                .append(" (from ").append(Views.CLOCK.format(moment.momentStarted())).append(" UTC)\n\n")
                .append(HistoryViews.components(rows)));
        return out.append("\n## Rollback\n\n").append(rollback(view, summary, state.log())).toString();
    }

    private static String executiveSummary(UpgradePlan plan, UpgradeView view, UpgradeSummary summary) {
        Baseline baseline = view.baseline();
        String source = summary != null && summary.sourceVersion() != null ? summary.sourceVersion() : "?";
        String target = summary != null && summary.targetVersion() != null ? summary.targetVersion() : "?";
        MarkdownTable table = new MarkdownTable("Item", "Value")
                .row("**Current Version**", "PostgreSQL " + source + " (`" + plan.sourceImage() + "`)")
                .row("**Target Version**", "PostgreSQL " + target + " (`" + plan.targetImage() + "`) " + outcome(view.status()))
                .row("**Database Name**", "`" + plan.database() + "`");
        if (baseline != null) {
            table.row("**Database Size**", Bytes.human(baseline.databaseSizeBytes()))
                    .row("**Tables**", baseline.tables().size());
            for (String counted : new String[] {"users", "posts"}) {
                if (baseline.rowsOf(counted) >= 0) {
                    table.row("**" + Character.toUpperCase(counted.charAt(0)) + counted.substring(1) + "**",
                            baseline.rowsOf(counted));
                }
            }
        }
        table.row("**Root User**", "`" + plan.superuser() + "`" + attributes(baseline, plan.superuser()))
                .row("**Data Volume**", "`" + plan.volume() + "`" + (summary != null && summary.newVolume() != null
                        ? " (kept) → `" + summary.newVolume() + "`" : ""))
                .row("**Method**", plan.method().label())
                .row("**Actual Downtime**", downtime(summary));
        if (summary != null && summary.rollbackStarted() != null) {
            table.row("**Time to Rollback**", summary.timeToRollback() == null ? "did not complete"
                    : Durations.human(summary.timeToRollback()));
        }
        return table.render();
    }

    private static String rollback(UpgradeView view, UpgradeSummary summary, List<LogEntry> log) {
        if (summary == null || summary.rollbackStarted() == null) {
            return "Nothing was rolled back.\n";
        }
        StringBuilder out = new StringBuilder("The rollback started at ").append(Views.time(summary.rollbackStarted()))
                .append(" UTC because: ").append(summary.rollbackReason()).append("\n\n");
        if (summary.failedStep() != null) {
            out.append("- **Failed step:** ").append(summary.failedStep()).append('\n');
        }
        out.append(summary.rolledBack()
                ? "- **Outcome:** rolled back in " + Durations.human(summary.timeToRollback()) + "; the stack serves on "
                        + view.sourceImage() + " again\n"
                : view.status() == UpgradeStatus.ROLLBACK_FAILED
                        ? "- **Outcome:** the rollback stopped: " + view.lastFailure() + "\n"
                        : "- **Outcome:** the rollback is under way\n");
        out.append("\nWhat was undone:\n\n");
        log.stream().filter(entry -> entry.step().startsWith("R."))
                .forEach(entry -> out.append("- ").append(entry.step()).append(' ').append(entry.title()).append(": ")
                        .append(entry.status()).append(entry.notes() == null ? "" : " (" + entry.notes() + ")").append('\n'));
        return out.toString();
    }

    /** The rows of each moment in order (rows come sorted by moment), keyed by the moment's first row. */
    private static Map<ComponentStatus, List<ComponentStatus>> moments(List<ComponentStatus> components) {
        Map<ComponentStatus, List<ComponentStatus>> moments = new LinkedHashMap<>();
        ComponentStatus head = null;
        for (ComponentStatus row : components) {
            if (head == null || !sameMoment(head, row)) {
                head = row;
                moments.put(head, new ArrayList<>());
            }
            moments.get(head).add(row);
        }
        return moments;
    }

    private static boolean sameMoment(ComponentStatus a, ComponentStatus b) {
        return a.moment().equals(b.moment()) && a.momentStarted().equals(b.momentStarted());
    }

    private static String attributes(Baseline baseline, String role) {
        if (baseline == null) {
            return "";
        }
        return baseline.roles().stream().filter(r -> r.name().equals(role) && !r.attributes().isEmpty())
                .map(r -> " (" + String.join(", ", r.attributes()) + ")").findFirst().orElse("");
    }

    private static String downtime(UpgradeSummary summary) {
        return summary == null || summary.downtime() == null ? "none (no dependent was stopped)" : Views.downtime(summary);
    }

    private static String status(UpgradeStatus status) {
        return switch (status) {
            case COMPLETED -> "✅ COMPLETED";
            case ROLLED_BACK -> "↩️ ROLLED BACK";
            case ROLLBACK_FAILED, PREFLIGHT_FAILED -> "❌ " + status.label().toUpperCase();
            default -> "🔄 " + status.label().toUpperCase();
        };
    }

    private static String outcome(UpgradeStatus status) {
        return switch (status) {
            case COMPLETED -> "✅ UPGRADED";
            case ROLLED_BACK -> "↩️ ROLLED BACK";
            case ROLLBACK_FAILED -> "❌ ROLLBACK FAILED";
            default -> "(" + status.label() + ")";
        };
    }
}
