package dev.upshift.orchestrator.api;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * When Phase 3 may run (`plan --window SPEC`): every week at local times in a named zone, or once. Recorded in the
 * plan as its {@link #spec()}, and read back with {@link #parse}.
 */
public sealed interface MaintenanceWindow permits MaintenanceWindow.Weekly, MaintenanceWindow.OneOff {

    /** The accepted forms, for the line that refuses any other. */
    String FORMS = "a weekly window \"Wed 00:00-01:00 Europe/Berlin\" (day, local start-end, time zone; an end before "
            + "the start is on the next day) or a one-off ISO-8601 interval \"2026-12-02T00:00:00Z/PT1H\" (start/duration "
            + "or start/end, with an offset)";

    /** The window as the plan records it, e.g. "Wed 00:00-01:00 Europe/Berlin" or "2026-12-02T00:00:00Z/PT1H". */
    String spec();

    /** Every opening of the window, in order, that has not closed by {@code at} (the first may be open at {@code at}). */
    Stream<Opening> openingsFrom(Instant at);

    /** @throws IllegalArgumentException naming what is wrong, when the text is neither form */
    static MaintenanceWindow parse(String spec) {
        String text = spec == null ? "" : spec.strip();
        return text.contains("/") && !text.contains(" ") ? OneOff.parse(text) : Weekly.parse(text);
    }

    /** One opening of a window: from {@code opens} to {@code closes}, as instants. */
    record Opening(String window, Instant opens, Instant closes) {

        public Duration length() {
            return Duration.between(opens, closes);
        }
    }

    /**
     * The same local hours every week. On the nights the clocks change, the window is open while the wall clock
     * reads inside it: a start or an end the clocks skip is the moment they skip it (so a window lying wholly in the
     * skipped hour has no length that night), and hours the clocks repeat are in the window both times (it opens at
     * the first reading of its start and closes at the last reading of its end).
     */
    record Weekly(DayOfWeek day, LocalTime start, LocalTime end, ZoneId zone) implements MaintenanceWindow {

        private static final Pattern FORM = Pattern.compile("(\\p{Alpha}+) (\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2}) (\\S+)");

        public Weekly {
            if (start.equals(end)) {
                throw new IllegalArgumentException("it starts and ends at " + start);
            }
        }

        static Weekly parse(String text) {
            Matcher form = FORM.matcher(text.replaceAll("\\s+", " "));
            if (!form.matches()) {
                throw new IllegalArgumentException("it is neither form");
            }
            try {
                return new Weekly(day(form.group(1)), LocalTime.parse(pad(form.group(2))), LocalTime.parse(pad(form.group(3))),
                        ZoneId.of(form.group(4)));
            } catch (DateTimeException unreadable) {
                throw new IllegalArgumentException(unreadable.getMessage(), unreadable);
            }
        }

        private static DayOfWeek day(String name) {
            return Arrays.stream(DayOfWeek.values())
                    .filter(day -> name.length() >= 3 && day.name().startsWith(name.toUpperCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a day (Mon … Sun)"));
        }

        private static String pad(String time) {
            return time.length() == 4 ? "0" + time : time;
        }

        @Override
        public String spec() {
            return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + start + "-" + end + " " + zone.getId();
        }

        @Override
        public Stream<Opening> openingsFrom(Instant at) {
            // a window that crossed midnight may have opened the day before
            LocalDate first = LocalDate.ofInstant(at, zone).minusDays(1).with(TemporalAdjusters.nextOrSame(day));
            return Stream.iterate(first, date -> date.plusWeeks(1))
                    .map(date -> new Opening(spec(), opens(date.atTime(start)),
                            closes((end.isAfter(start) ? date : date.plusDays(1)).atTime(end))))
                    .filter(opening -> opening.closes().isAfter(at));
        }

        private Instant opens(LocalDateTime local) {
            return skipped(local) ? skippedAt(local) : ZonedDateTime.ofLocal(local, zone, null).toInstant();
        }

        private Instant closes(LocalDateTime local) {
            return skipped(local) ? skippedAt(local)
                    : ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
        }

        private boolean skipped(LocalDateTime local) {
            return zone.getRules().getValidOffsets(local).isEmpty();
        }

        private Instant skippedAt(LocalDateTime local) {
            return zone.getRules().getTransition(local).getInstant();
        }
    }

    /** One interval, given as start/duration or start/end; the start carries its offset ("Z", "+01:00"). */
    record OneOff(Instant opens, Instant closes) implements MaintenanceWindow {

        public OneOff {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("it does not end after it starts");
            }
        }

        static OneOff parse(String text) {
            String[] parts = text.split("/", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("it is neither form");
            }
            try {
                Instant opens = OffsetDateTime.parse(parts[0]).toInstant();
                Instant closes = parts[1].startsWith("P") ? opens.plus(Duration.parse(parts[1]))
                        : OffsetDateTime.parse(parts[1]).toInstant();
                return new OneOff(opens, closes);
            } catch (DateTimeException unreadable) {
                throw new IllegalArgumentException(unreadable.getMessage(), unreadable);
            }
        }

        @Override
        public String spec() {
            return opens + "/" + Duration.between(opens, closes);
        }

        @Override
        public Stream<Opening> openingsFrom(Instant at) {
            return Stream.of(new Opening(spec(), opens, closes)).filter(opening -> opening.closes().isAfter(at));
        }
    }
}
