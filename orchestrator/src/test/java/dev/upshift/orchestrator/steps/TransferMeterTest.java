package dev.upshift.orchestrator.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.MovableClock;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.StepProgress;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import org.junit.jupiter.api.Test;

class TransferMeterTest {

    private static final Step RESTORE = new Step("3.5", StepKind.START_NEW_DATABASE, null);
    private static final Instant START = Instant.parse("2026-11-30T19:20:00Z");

    private final List<StepProgress> recorded = new ArrayList<>();
    private final MovableClock clock = new MovableClock(START);
    private final TransferMeter meter = new TransferMeter(recorded::add, "to17", RESTORE, "restoring", 2_400, "entries", TransferMeter.INTERVAL,
            clock);

    @Test
    void givenATransferWhenItReportsMoreOftenThanEveryThreeSecondsThenOnlyOneReportInThreeSecondsIsRecorded() {
        for (int second = 0; second <= 7; second++) {
            clock.at(START.plusSeconds(second));
            meter.accept(second * 100L);
        }

        assertThat(recorded).containsExactly(
                new TransferProgressed("to17", RESTORE, "restoring", 300, 2_400, "entries"),
                new TransferProgressed("to17", RESTORE, "restoring", 600, 2_400, "entries"));
    }

    @Test
    void givenATransferThatIsDoneWhenItReportsThenNothingIsRecordedSinceTheOutcomeSaysIt() {
        clock.at(START.plus(TransferMeter.INTERVAL));

        meter.accept(2_400);

        assertThat(recorded).isEmpty();
    }

    @Test
    void givenAReportTheAggregateRefusesWhenTheTransferGoesOnThenTheStepIsNotFailedAndNoMoreIsReported() {
        List<Instant> attempts = new ArrayList<>();
        TransferMeter refused = new TransferMeter(fact -> {
            attempts.add(clock.instant());
            throw new IllegalStateException("step 3.5 reported progress but no step is in progress");
        }, "to17", RESTORE, "restoring", 2_400, "entries", TransferMeter.INTERVAL, clock);

        clock.at(START.plusSeconds(3));
        refused.accept(100);
        clock.at(START.plusSeconds(9));
        refused.accept(200);

        assertThat(attempts).containsExactly(START.plusSeconds(3));
    }
}
