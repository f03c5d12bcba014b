package dev.upshift.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.upshift.orchestrator.api.MaintenanceWindow.Opening;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The two forms of a window, read as written, and their openings in time zones and across clock changes. */
class MaintenanceWindowTest {

    private static final String BERLIN_WEDNESDAY = "Wed 00:00-01:00 Europe/Berlin";

    @Test
    void givenAWeeklyWindowInANamedZoneWhenReadThenItOpensEveryWeekAtThatLocalTime() {
        MaintenanceWindow window = MaintenanceWindow.parse("wednesday  0:00-01:00   Europe/Berlin");

        assertThat(window.spec()).isEqualTo(BERLIN_WEDNESDAY);
        // 2026-12-01 is a Tuesday; Berlin is UTC+1 in winter, UTC+2 in summer
        assertThat(openings(window, "2026-12-01T12:00:00Z", 2)).containsExactly(
                opening(BERLIN_WEDNESDAY, "2026-12-01T23:00:00Z", "2026-12-02T00:00:00Z"),
                opening(BERLIN_WEDNESDAY, "2026-12-08T23:00:00Z", "2026-12-09T00:00:00Z"));
        assertThat(openings(window, "2026-07-01T12:00:00Z", 1)).containsExactly(
                opening(BERLIN_WEDNESDAY, "2026-07-07T22:00:00Z", "2026-07-07T23:00:00Z"));
    }

    @Test
    void givenAWindowOpenNowWhenItsOpeningsAreAskedThenTheFirstIsTheOneUnderWay() {
        MaintenanceWindow window = MaintenanceWindow.parse(BERLIN_WEDNESDAY);

        assertThat(openings(window, "2026-12-01T23:30:00Z", 1)).containsExactly(
                opening(BERLIN_WEDNESDAY, "2026-12-01T23:00:00Z", "2026-12-02T00:00:00Z"));
    }

    @Test
    void givenAWindowCrossingMidnightWhenAskedJustAfterMidnightThenTheOpeningOfTheDayBeforeIsUnderWay() {
        MaintenanceWindow window = MaintenanceWindow.parse("Sat 23:00-01:00 UTC");

        // 2026-12-06 is a Sunday
        assertThat(openings(window, "2026-12-06T00:30:00Z", 2)).containsExactly(
                opening("Sat 23:00-01:00 UTC", "2026-12-05T23:00:00Z", "2026-12-06T01:00:00Z"),
                opening("Sat 23:00-01:00 UTC", "2026-12-12T23:00:00Z", "2026-12-13T01:00:00Z"));
    }

    @Test
    void givenAWindowInTheHourTheClocksSkipWhenTheyGoForwardThenThatNightItHasNoLength() {
        MaintenanceWindow window = MaintenanceWindow.parse("Sun 02:00-03:00 Europe/Berlin");

        // 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00Z); the Sunday after, 02:00 CEST is 00:00Z
        assertThat(openings(window, "2026-03-28T12:00:00Z", 2)).containsExactly(
                opening("Sun 02:00-03:00 Europe/Berlin", "2026-03-29T01:00:00Z", "2026-03-29T01:00:00Z"),
                opening("Sun 02:00-03:00 Europe/Berlin", "2026-04-05T00:00:00Z", "2026-04-05T01:00:00Z"));
    }

    @Test
    void givenAWindowStartingInTheSkippedHourWhenTheClocksGoForwardThenItOpensWhenTheySkipIt() {
        MaintenanceWindow window = MaintenanceWindow.parse("Sun 02:30-04:00 Europe/Berlin");

        Opening opening = openings(window, "2026-03-28T12:00:00Z", 1).get(0);

        assertThat(opening.opens()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // 03:00 CEST
        assertThat(opening.length()).isEqualTo(Duration.ofHours(1));                   // to 04:00 CEST
    }

    @Test
    void givenAWindowInTheHourTheClocksRepeatWhenTheyGoBackThenItIsOpenBothTimes() {
        MaintenanceWindow window = MaintenanceWindow.parse("Sun 02:00-03:00 Europe/Berlin");

        // 2026-10-25: 03:00 CEST becomes 02:00 CET; the wall clock reads 02:00-03:00 from 00:00Z to 02:00Z
        assertThat(openings(window, "2026-10-24T12:00:00Z", 1)).containsExactly(
                opening("Sun 02:00-03:00 Europe/Berlin", "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z"));
    }

    @Test
    void givenAOneOffIntervalAsStartAndDurationWhenReadThenItHasOneOpeningUntilItCloses() {
        MaintenanceWindow window = MaintenanceWindow.parse("2026-12-02T01:00:00+01:00/PT1H");

        assertThat(window.spec()).isEqualTo("2026-12-02T00:00:00Z/PT1H");
        assertThat(openings(window, "2026-12-01T00:00:00Z", 3)).containsExactly(
                opening("2026-12-02T00:00:00Z/PT1H", "2026-12-02T00:00:00Z", "2026-12-02T01:00:00Z"));
        assertThat(openings(window, "2026-12-02T01:00:00Z", 1)).isEmpty();
    }

    @Test
    void givenAOneOffIntervalAsStartAndEndWhenReadThenItIsTheSameWindow() {
        assertThat(MaintenanceWindow.parse("2026-12-02T00:00:00Z/2026-12-02T01:30:00Z").spec())
                .isEqualTo("2026-12-02T00:00:00Z/PT1H30M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Wed", "Wed 00:00-01:00", "Wed 00:00-01:00 Mars/Olympus", "Xyz 00:00-01:00 UTC",
            "Wed 25:00-01:00 UTC", "Wed 01:00-01:00 UTC", "2026-12-02T00:00:00/PT1H", "2026-12-02T00:00:00Z/PT0S",
            "2026-12-02T00:00:00Z/2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z/1 hour"})
    void givenTextInNeitherFormWhenReadThenItIsRefusedSayingWhy(String spec) {
        assertThatThrownBy(() -> MaintenanceWindow.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }

    private static List<Opening> openings(MaintenanceWindow window, String at, int count) {
        return window.openingsFrom(Instant.parse(at)).limit(count).toList();
    }

    private static Opening opening(String window, String opens, String closes) {
        return new Opening(window, Instant.parse(opens), Instant.parse(closes));
    }
}
