package dev.upshift.orchestrator.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.upshift.orchestrator.api.events.StepProgress;

/**
 * Passes a fact on once an interval has passed since it was made or since the last fact it passed on: the one
 * throttle of {@link Progress#sampled()} and of every {@link TransferMeter}.
 */
final class SampledProgress implements Progress {

    private final Progress progress;
    private final Duration interval;
    private final Clock clock;
    private Instant due;

    SampledProgress(Progress progress, Duration interval, Clock clock) {
        this.progress = progress;
        this.interval = interval;
        this.clock = clock;
        this.due = clock.instant().plus(interval);
    }

    @Override
    public void record(StepProgress fact) {
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return;
        }
        due = now.plus(interval);
        progress.record(fact);
    }

    @Override
    public Duration interval() {
        return interval;
    }
}
