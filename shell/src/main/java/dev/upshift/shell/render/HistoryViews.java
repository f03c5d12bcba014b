package dev.upshift.shell.render;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.upshift.orchestrator.api.queries.AuditEntry;
import dev.upshift.orchestrator.api.queries.ComponentStatus;
import dev.upshift.orchestrator.api.queries.StoredEvent;
import dev.upshift.orchestrator.api.queries.UpgradeAt;

/** What the history commands print: the raw events, the audit trail, an upgrade as it stood at an instant. */
public final class HistoryViews {

    private HistoryViews() {
    }

    /** @param payloadJson the payload as one line of JSON */
    public static String events(List<StoredEvent> events, Function<Object, String> payloadJson) {
        MarkdownTable table = new MarkdownTable("Seq", "Time", "Type", "By", "Payload");
        events.forEach(event -> table.row(event.sequence(), Views.time(event.time()), event.type(),
                who(event.metadata()), payloadJson.apply(event.payload())));
        return table.render();
    }

    public static String audit(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return "No event matches.";
        }
        MarkdownTable table = new MarkdownTable("Position", "Time", "Upgrade", "Type", "By", "Summary");
        entries.forEach(entry -> table.row(entry.position(), Views.time(entry.time()), entry.upgradeId(), entry.type(),
                who(entry.actor(), entry.host()), entry.summary()));
        return table.render();
    }

    public static String at(UpgradeAt state) {
        String when = state.at() == null ? "now" : "as of " + Views.time(state.at()) + " UTC";
        StringBuilder out = new StringBuilder("# Upgrade " + state.upgradeId() + " " + when + " (" + state.events()
                + " events)\n\n");
        out.append(Views.status(state.upgrade(), state.summary()).replaceFirst("^# [^\\n]*\\n\\n", ""));
        out.append("\n## Execution log\n\n").append(Views.log(state.log()));
        List<ComponentStatus> current = current(state.components());
        if (!current.isEmpty()) {
            out.append("\n## Component status: ").append(current.get(0).moment()).append("\n\n")
                    .append(components(current));
        }
        return out.toString();
    }

    /** The rows of the last moment: the status at the end of the history shown. */
    public static List<ComponentStatus> current(List<ComponentStatus> components) {
        if (components.isEmpty()) {
            return List.of();
        }
        ComponentStatus last = components.get(components.size() - 1);
        return components.stream().filter(row -> row.moment().equals(last.moment())
                && row.momentStarted().equals(last.momentStarted())).toList();
    }

    public static String components(List<ComponentStatus> rows) {
        MarkdownTable table = new MarkdownTable("Component", "Status", "User Experience");
        rows.forEach(row -> table.row(row.component(), row.status(), row.experience()));
        return table.render();
    }

    private static String who(Map<String, Object> metadata) {
        Object actor = metadata.get("actor");
        Object host = metadata.get("host");
        return who(actor == null ? null : actor.toString(), host == null ? null : host.toString());
    }

    private static String who(String actor, String host) {
        if (actor == null) {
            return "";
        }
        return host == null ? actor : actor + "@" + host;
    }
}
