package dev.upshift.orchestrator.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.MovableClock;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.ReplicationProgressed;
import dev.upshift.orchestrator.api.events.StepProgress;
import org.junit.jupiter.api.Test;

class SampledProgressTest {

    private static final Step CATCH_UP = new Step("2.4", StepKind.CATCH_UP, null);
    private static final Instant START = Instant.parse("2026-12-01T16:00:00Z");

    private final List<StepProgress> recorded = new ArrayList<>();
    private final MovableClock clock = new MovableClock(START);
    private final Progress sampled = new SampledProgress(recorded::add, TransferMeter.INTERVAL, clock);

    @Test
    void givenAWaitThatLooksEveryHalfSecondWhenItRecordsEachLookThenOneFactPerIntervalIsKeptNoneBeforeTheFirst() {
        for (int look = 0; look <= 14; look++) {
            clock.at(START.plusMillis(500L * look));
            sampled.record(lag(look));
        }

        // the interval is 3 s: looks at 3 s and 6 s pass, the ones between and before do not
        assertThat(recorded).containsExactly(lag(6), lag(12));
    }

    private static ReplicationProgressed lag(int look) {
        return new ReplicationProgressed("to17", CATCH_UP, 3, 38, 1_000_000L - look, 40);
    }
}
