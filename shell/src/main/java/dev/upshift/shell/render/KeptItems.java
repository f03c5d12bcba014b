package dev.upshift.shell.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.api.Retained;
import dev.upshift.orchestrator.api.Retention;

/**
 * What a completed upgrade keeps and until when, and what retention did with each: for {@code status} (text and
 * {@code --json}) and {@code cleanup}.
 */
public final class KeptItems {

    private KeptItems() {
    }

    /**
     * One thing kept after completion.
     *
     * @param item "volume makapix_pg_data", "backup /opt/…/x.dump", "container …", "image …"
     * @param until when it is removed, or null for what retention never removes
     * @param state kept, removed, left (why), failed (why, and when it is tried again), or cancelled (a rollback)
     */
    public record Kept(String item, Instant until, String state) {
    }

    public static List<Kept> of(Retention retention) {
        List<Kept> items = new ArrayList<>();
        retention.scheduled().forEach(item -> items.add(new Kept(item.toString(), item.until(), state(retention, item))));
        retention.keptForGood().forEach(kept -> items.add(new Kept(kept.substring(0, kept.indexOf(':')), null,
                "never removed:" + kept.substring(kept.indexOf(':') + 1))));
        return items;
    }

    private static String state(Retention retention, Retained item) {
        if (retention.wasRemoved(item)) {
            return "removed";
        }
        String leftBecause = retention.left().stream().filter(left -> left.startsWith(item + ":"))
                .map(left -> "left:" + left.substring(item.toString().length() + 1)).findFirst().orElse(null);
        if (leftBecause != null) {
            return leftBecause;
        }
        if (retention.cancelled()) {
            return "kept: retention cancelled (" + retention.cancellation().reason() + ")";
        }
        return retention.failure(item.step()).map(failed -> "failed: " + failed.reason() + (failed.retryAt() == null
                ? "; not tried again by itself" : "; tried again at " + Views.time(failed.retryAt()))).orElse("kept");
    }

    /** The table of {@code status} and {@code cleanup}; empty for an upgrade that keeps nothing (yet). */
    public static String table(Retention retention) {
        List<Kept> items = of(retention);
        if (items.isEmpty()) {
            return "";
        }
        MarkdownTable table = new MarkdownTable("Kept after the upgrade", "Until", "State");
        items.forEach(kept -> table.row(kept.item(), Views.time(kept.until()), kept.state()));
        return "\n## Retention (what the upgrade keeps, removed at its time by a node)\n\n" + table.render();
    }
}
