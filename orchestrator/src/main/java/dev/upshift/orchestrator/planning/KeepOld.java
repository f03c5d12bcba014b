package dev.upshift.orchestrator.planning;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.upshift.orchestrator.ports.InvalidInput;

/**
 * {@code plan --keep-old DURATION}: how long the old container, image, volume and the backups stay after the upgrade
 * completed. A number with a unit ({@code 20s}, {@code 90m}, {@code 24h}, {@code 7d}) or ISO-8601 ({@code PT20S},
 * {@code P7D}, {@code P1DT12H}).
 */
public final class KeepOld {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    private KeepOld() {
    }

    /** @return the duration, or null when none was given (the runbook's defaults) */
    public static Duration parse(String given) {
        if (given == null) {
            return null;
        }
        String text = given.strip().toLowerCase(Locale.ROOT);
        Duration duration = SHORT.matcher(text).matches() ? shortForm(SHORT.matcher(text)) : iso(text.toUpperCase(Locale.ROOT));
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new InvalidInput("--keep-old takes a positive duration such as 20s, 90m, 24h, 7d or ISO-8601 "
                    + "(PT20S, P7D), not '" + given + "'");
        }
        return duration;
    }

    private static Duration shortForm(Matcher matcher) {
        matcher.matches();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** ISO-8601: a duration (PT20S, P1DT2H), or days and weeks alone as a period (P7D, P2W). */
    private static Duration iso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            try {
                Period period = Period.parse(text);
                return period.getYears() == 0 && period.getMonths() == 0 ? Duration.ofDays(period.getDays()) : null;
            } catch (DateTimeParseException notAPeriod) {
                return null;
            }
        }
    }
}
