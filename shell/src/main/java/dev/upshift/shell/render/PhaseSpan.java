package dev.upshift.shell.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.queries.LogEntry;

/** A phase as the execution log shows it ran: from its first step's start to its last step's end. */
record PhaseSpan(String label, Instant start, Instant end, String status, boolean rollback) {

    /** The phases that have started, in the order they started. */
    static List<PhaseSpan> of(List<LogEntry> log) {
        Map<String, List<LogEntry>> byPhase = new LinkedHashMap<>();
        log.stream().filter(entry -> entry.started() != null)
                .sorted((a, b) -> a.started().compareTo(b.started()))
                .forEach(entry -> byPhase.computeIfAbsent(prefix(entry), p -> new ArrayList<>()).add(entry));
        List<PhaseSpan> spans = new ArrayList<>();
        byPhase.forEach((prefix, entries) -> {
            Instant start = entries.get(0).started();
            Instant end = entries.stream().map(entry -> entry.ended() != null ? entry.ended() : entry.started())
                    .max(Instant::compareTo).orElse(start);
            spans.add(new PhaseSpan(label(prefix), start, end, status(entries), "R".equals(prefix)));
        });
        return spans;
    }

    private static String prefix(LogEntry entry) {
        int dot = entry.step().indexOf('.');
        return dot < 0 ? entry.step() : entry.step().substring(0, dot);
    }

    private static String label(String prefix) {
        for (Phase phase : Phase.values()) {
            if (phase.prefix().equals(prefix)) {
                return phase == Phase.ROLLBACK ? "Rollback" : "Phase " + phase.number() + " " + phase.title();
            }
        }
        return "Phase " + prefix;
    }

    private static String status(List<LogEntry> entries) {
        if (entries.stream().anyMatch(entry -> Objects.equals(entry.status(), LogEntry.FAILED))) {
            return LogEntry.FAILED;
        }
        return entries.stream().anyMatch(entry -> Objects.equals(entry.status(), LogEntry.RUNNING))
                ? LogEntry.RUNNING : LogEntry.DONE;
    }
}
