package dev.upshift.orchestrator.steps;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongConsumer;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how far a long transfer of a step has got, sparsely: at most one {@link TransferProgressed} every
 * interval ({@link #INTERVAL} unless {@code upshift.progress.interval} says otherwise), the first one interval after
 * the transfer began (a short transfer records none) and none at the end, which the step's outcome says. Every long
 * step reports through one of these.
 */
public final class TransferMeter implements LongConsumer {

    public static final Duration INTERVAL = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(TransferMeter.class);

    private final Progress sampled;
    private final String upgradeId;
    private final Step step;
    private final String activity;
    private final long total;
    private final String unit;
    private boolean reporting = true;

    public TransferMeter(Progress progress, String upgradeId, Step step, String activity, long total, String unit,
                         Duration interval, Clock clock) {
        this.sampled = new SampledProgress(progress, interval, clock);
        this.upgradeId = upgradeId;
        this.step = step;
        this.activity = activity;
        this.total = total;
        this.unit = unit;
    }

    /** The meters of a step's transfers, at the progress's interval, on the system clock. */
    public static Factory of(Progress progress, String upgradeId, Step step) {
        return (activity, total, unit) -> new TransferMeter(progress, upgradeId, step, activity, total, unit,
                progress.interval(), Clock.systemUTC());
    }

    /** Reports that done of the total are done now, if the last report is old enough and the transfer not over. */
    @Override
    public void accept(long done) {
        if (!reporting || done >= total) {
            return;
        }
        try {
            sampled.record(new TransferProgressed(upgradeId, step, activity, Math.max(0, done), total, unit));
        } catch (RuntimeException notRecorded) {
            // how far a transfer got is worth less than the transfer itself: stop reporting, never fail the step
            log.warn("progress of step {} of {} not recorded; no more will be", step, upgradeId, notRecorded);
            reporting = false;
        }
    }

    /** A meter for one transfer of the step under way, given what it does and what it counts; it takes what is done. */
    @FunctionalInterface
    public interface Factory {

        LongConsumer meter(String activity, long total, String unit);
    }
}
