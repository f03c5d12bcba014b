package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `upshift run --yes` through a pipe: each step's start and end arrive as they happen, as plain stamped lines. */
class LiveProgressIT {

    private static final String STEP_LINE = "\\d\\d:\\d\\d:\\d\\d (start |done  |FAILED) [0-5R]\\.\\d+ .+";

    @TempDir
    Path home;

    @Test
    void givenAStackWhenRunThroughAPipeThenEachStepIsPrintedAsItStartsAndEndsNotAtTheEnd() throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, "upshift-testbed/postgres:17", "live");

            Upshift.Piped run = upshift.runThroughPipe("run", "live", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Upshift.ArrivedLine downtimeStarts = run.line("start  3.1 Stop dependents");
            Upshift.ArrivedLine servicesBack = run.line("done   4.4 Verify all services running");
            assertThat(Duration.between(downtimeStarts.arrived(), servicesBack.arrived()))
                    .as("3.1 started long before 4.4 ended, and the line said so then:\n" + run)
                    .isGreaterThan(Duration.ofSeconds(3));
            assertThat(run.line("done   3.5 Start the new server").text()).contains("Data restored from live_final.dump");
            List<String> stepLines = run.lines().stream().map(Upshift.ArrivedLine::text)
                    .filter(line -> line.matches(STEP_LINE)).toList();
            assertThat(stepLines).as("a start and an end for each of the 26 steps").hasSize(52);
            for (Upshift.ArrivedLine line : run.lines()) {
                assertThat(line.text()).as("plain text, since stdout is no terminal").doesNotContain("\u001b", "\r");
                if (line.text().matches(STEP_LINE)) {
                    assertThat(stampedNearArrival(line)).as(line.text()).isTrue();
                }
            }
            assertThat(run.lines().get(run.lines().size() - 1).text()).startsWith("Upgrade completed");
        }
    }

    /** The stamp is the event's time (UTC), so a line printed as it happens arrives within seconds of it. */
    private static boolean stampedNearArrival(Upshift.ArrivedLine line) {
        LocalTime stamp = LocalTime.parse(line.text().substring(0, 8));
        LocalTime arrived = line.arrived().atZone(ZoneOffset.UTC).toLocalTime();
        return Math.abs(ChronoUnit.SECONDS.between(stamp, arrived)) <= 3;
    }
}
