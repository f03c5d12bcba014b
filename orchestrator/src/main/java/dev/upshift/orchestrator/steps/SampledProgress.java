package dev.upshift.orchestrator.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.upshift.orchestrator.api.events.StepProgress;

/** {@link Progress#sampled()}: passes a fact on once an interval has passed since the wait began or the last one. */
final class SampledProgress implements Progress {

    private final Progress progress;
    private final Clock clock;
    private Instant due;

    SampledProgress(Progress progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
        this.due = clock.instant().plus(progress.interval());
    }

    @Override
    public void record(StepProgress fact) {
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return;
        }
        due = now.plus(progress.interval());
        progress.record(fact);
    }

    @Override
    public Duration interval() {
        return progress.interval();
    }
}
