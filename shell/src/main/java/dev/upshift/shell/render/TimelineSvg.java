package dev.upshift.shell.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.upshift.orchestrator.api.queries.LogEntry;
import dev.upshift.orchestrator.api.queries.UpgradeSummary;
import dev.upshift.orchestrator.text.Durations;

/** The post-mortem's timeline: one bar per phase on a time axis, the downtime window shaded over them. */
public final class TimelineSvg {

    private static final int WIDTH = 960;
    private static final int LEFT = 260;
    private static final int RIGHT = 40;
    private static final int TOP = 60;
    private static final int ROW = 30;
    private static final int BAR = 18;
    private static final int AXIS = 50;
    private static final int TICKS = 5;
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private TimelineSvg() {
    }

    public static String render(String upgradeId, List<LogEntry> log, UpgradeSummary summary) {
        List<PhaseSpan> phases = PhaseSpan.of(log);
        int height = TOP + Math.max(phases.size(), 1) * ROW + AXIS;
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        if (phases.isEmpty()) {
            text(svg, 20, 30, "Upgrade " + upgradeId + ": no step has run yet", "font-size=\"16\"");
            return svg.append("</svg>\n").toString();
        }
        Instant from = phases.stream().map(PhaseSpan::start).min(Instant::compareTo).orElseThrow();
        Instant to = phases.stream().map(PhaseSpan::end).max(Instant::compareTo).orElseThrow();
        if (summary != null && summary.downtimeEnded() != null && summary.downtimeEnded().isAfter(to)) {
            to = summary.downtimeEnded();
        }
        Scale scale = new Scale(from, to.isAfter(from) ? to : from.plusSeconds(1));
        text(svg, 20, 28, "Upgrade " + upgradeId + " — " + Views.time(from) + " to " + Views.time(to) + " UTC",
                "font-size=\"16\" font-weight=\"bold\"");
        downtime(svg, scale, summary, phases.size());
        for (int row = 0; row < phases.size(); row++) {
            bar(svg, scale, phases.get(row), TOP + row * ROW);
        }
        axis(svg, scale, TOP + phases.size() * ROW);
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, Scale scale, PhaseSpan phase, int y) {
        double x = scale.x(phase.start());
        double width = Math.max(scale.x(phase.end()) - x, 2);
        String color = switch (phase.status()) {
            case LogEntry.FAILED -> "#d62728";
            case LogEntry.RUNNING -> "#ff7f0e";
            default -> phase.rollback() ? "#9467bd" : "#2ca02c";
        };
        text(svg, 20, y + BAR - 4, phase.label(), "");
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" rx=\"3\">"
                        + "<title>%s</title></rect>%n", x, y, width, BAR, color,
                xml(phase.label() + ": " + Views.time(phase.start()) + " to " + Views.time(phase.end()) + " UTC ("
                        + Durations.human(Duration.between(phase.start(), phase.end())) + ", "
                        + phase.status().toLowerCase(Locale.ROOT) + ")")));
    }

    /** The window from the first dependent stopped to the last one serving again, over every phase. */
    private static void downtime(StringBuilder svg, Scale scale, UpgradeSummary summary, int rows) {
        if (summary == null || summary.downtimeStarted() == null) {
            return;
        }
        Instant end = summary.downtimeOngoing() || summary.downtimeEnded() == null ? scale.to() : summary.downtimeEnded();
        double x = scale.x(summary.downtimeStarted());
        double width = Math.max(scale.x(end) - x, 2);
        String label = "Downtime " + Durations.human(summary.downtime()) + (summary.downtimeOngoing() ? " so far" : "");
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#d62728\" "
                        + "fill-opacity=\"0.12\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"><title>%s</title></rect>%n",
                x, TOP - 8, width, rows * ROW + 8, xml(label)));
        boolean rightHalf = x > (LEFT + WIDTH - RIGHT) / 2.0; // keep the label inside the picture
        text(svg, rightHalf ? x + width : x, TOP - 14, label,
                "fill=\"#d62728\"" + (rightHalf ? " text-anchor=\"end\"" : ""));
    }

    private static void axis(StringBuilder svg, Scale scale, int y) {
        svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, y, WIDTH - RIGHT, y));
        boolean spansDays = Duration.between(scale.from(), scale.to()).toHours() >= 24;
        for (int tick = 0; tick <= TICKS; tick++) {
            Instant at = scale.from().plus(Duration.between(scale.from(), scale.to()).multipliedBy(tick).dividedBy(TICKS));
            double x = scale.x(at);
            svg.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n",
                    x, y, x, y + 5));
            text(svg, x, y + 20, spansDays ? DAY_AND_TIME.format(at) : Views.CLOCK.format(at), "text-anchor=\"middle\"");
        }
        text(svg, WIDTH - RIGHT, y + 40, "UTC", "text-anchor=\"end\" fill=\"#666\"");
    }

    private static void text(StringBuilder svg, double x, int y, String text, String attributes) {
        svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" %s>%s</text>%n", x, y, attributes, xml(text)));
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private record Scale(Instant from, Instant to) {

        double x(Instant at) {
            double span = Duration.between(from, to).toMillis();
            return LEFT + Duration.between(from, at).toMillis() / span * (WIDTH - LEFT - RIGHT);
        }
    }
}
