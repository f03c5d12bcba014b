package dev.upshift.orchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.upshift.orchestrator.api.MaintenanceWindow;
import dev.upshift.orchestrator.api.SkippedWindow;
import org.junit.jupiter.api.Test;

/** When the downtime may start, among the plan's windows, for an expected downtime. */
class WindowChoiceTest {

    private static final String TUESDAY_NOON = "2026-12-01T12:00:00Z";
    private static final Duration HALF_AN_HOUR = Duration.ofMinutes(30);

    @Test
    void givenAWindowOpenWithTheDowntimeStillAheadOfItsCloseWhenChosenThenTheDowntimeStartsNow() {
        WindowChoice choice = choose("2026-12-01T12:30:00Z", HALF_AN_HOUR, "Tue 12:00-13:00 UTC");

        assertThat(choice.starts()).isEqualTo(Instant.parse("2026-12-01T12:30:00Z"));
        assertThat(choice.opening().window()).isEqualTo("Tue 12:00-13:00 UTC");
        assertThat(choice.skipped()).isEmpty();
    }

    @Test
    void givenAWindowOpenWithTooLittleLeftWhenChosenThenItIsSkippedSayingHowMuchIsLeftAndNextWeeksIsTaken() {
        WindowChoice choice = choose("2026-12-01T12:45:00Z", HALF_AN_HOUR, "Tue 12:00-13:00 UTC");

        assertThat(choice.starts()).isEqualTo(Instant.parse("2026-12-08T12:00:00Z"));
        assertThat(choice.skipped()).extracting(SkippedWindow::reason).containsExactly(
                "open, but it closes at 2026-12-01T13:00:00Z, 15m 0s from now, and the expected downtime is 30m 0s");
    }

    @Test
    void givenSeveralWindowsWhenChosenThenTheFirstToOpenThatHoldsTheDowntimeIsTakenAndTheShorterOnesSkipped() {
        WindowChoice choice = choose(TUESDAY_NOON, HALF_AN_HOUR,
                "Sat 23:00-01:00 Europe/Berlin", "Wed 00:00-00:15 Europe/Berlin", "2026-12-03T02:00:00Z/PT45M");

        assertThat(choice.opening().window()).isEqualTo("2026-12-03T02:00:00Z/PT45M");
        assertThat(choice.starts()).isEqualTo(Instant.parse("2026-12-03T02:00:00Z"));
        assertThat(choice.skipped()).containsExactly(new SkippedWindow("Wed 00:00-00:15 Europe/Berlin",
                Instant.parse("2026-12-01T23:00:00Z"), Instant.parse("2026-12-01T23:15:00Z"),
                "it lasts 15m 0s and the expected downtime is 30m 0s"));
    }

    @Test
    void givenAWeeklyWindowThatTheClocksChangeShortensWhenChosenThatWeekThenTheFollowingWeekIsTaken() {
        WindowChoice choice = choose("2026-03-28T12:00:00Z", HALF_AN_HOUR, "Sun 02:00-03:00 Europe/Berlin");

        assertThat(choice.skipped()).extracting(SkippedWindow::reason)
                .containsExactly("it lasts 0s and the expected downtime is 30m 0s");
        assertThat(choice.starts()).isEqualTo(Instant.parse("2026-04-05T00:00:00Z"));
    }

    @Test
    void givenAWeeklyWindowThatTheClocksChangeLengthensWhenADowntimeLongerThanAnHourIsExpectedThenThatNightIsTaken() {
        WindowChoice choice = choose("2026-10-01T12:00:00Z", Duration.ofMinutes(90), "Sun 02:00-03:00 Europe/Berlin");

        // its ordinary nights last one hour; the night of 2026-10-25 lasts two
        assertThat(choice.starts()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(choice.skipped()).hasSize(1);
    }

    @Test
    void givenWindowsAllTooShortForTheExpectedDowntimeWhenChosenThenNoneIsAndEachIsSkippedOnceSayingWhy() {
        WindowChoice choice = choose(TUESDAY_NOON, Duration.ofHours(3), "Wed 00:00-01:00 Europe/Berlin",
                "2026-12-02T00:00:00Z/PT2H");

        assertThat(choice.opening()).isNull();
        assertThat(choice.starts()).isNull();
        assertThat(choice.skipped()).extracting(SkippedWindow::window)
                .containsExactly("Wed 00:00-01:00 Europe/Berlin", "2026-12-02T00:00:00Z/PT2H");
    }

    @Test
    void givenAOneOffWindowAlreadyOverWhenChosenThenOnlyTheOthersCount() {
        WindowChoice choice = choose(TUESDAY_NOON, HALF_AN_HOUR, "2026-11-30T00:00:00Z/PT1H", "Thu 00:00-01:00 UTC");

        assertThat(choice.opening().window()).isEqualTo("Thu 00:00-01:00 UTC");
        assertThat(choice.skipped()).isEmpty();
    }

    @Test
    void givenTheDeadlineOfAnOpeningReachedOnlyAfterItClosedWhenChosenThenItIsSkippedAsMissedAndTheNextTaken() {
        MaintenanceWindow weekly = MaintenanceWindow.parse("Tue 23:00-23:30 UTC");
        MaintenanceWindow.Opening tonight = weekly.openingsFrom(Instant.parse(TUESDAY_NOON)).findFirst().orElseThrow();
        Instant late = Instant.parse("2026-12-02T08:00:00Z");

        WindowChoice choice = WindowChoice.choose(List.of(weekly), late, HALF_AN_HOUR, tonight);

        assertThat(choice.starts()).isEqualTo(Instant.parse("2026-12-08T23:00:00Z"));
        assertThat(choice.skipped()).containsExactly(new SkippedWindow("Tue 23:00-23:30 UTC", tonight.opens(),
                tonight.closes(), "it closed before a node reached it (at 2026-12-02T08:00:00Z): no node (upshift serve) "
                        + "was serving"));
    }

    private static WindowChoice choose(String now, Duration expected, String... windows) {
        List<MaintenanceWindow> parsed = Arrays.stream(windows).map(MaintenanceWindow::parse).toList();
        return WindowChoice.choose(parsed, Instant.parse(now), expected, null);
    }
}
