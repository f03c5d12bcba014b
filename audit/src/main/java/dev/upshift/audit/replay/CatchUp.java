package dev.upshift.audit.replay;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Waits until reset read models have replayed up to the head the store had before the reset. Their tokens stay
 * replay tokens until a newer event arrives, so "replaying" says nothing; the position each one reached does.
 */
final class CatchUp {

    private static final long POLL_MILLIS = 100;

    private final Map<String, StreamingEventProcessor> readModels;
    private final StoredPositions stored;
    private final Duration timeout;

    CatchUp(Map<String, StreamingEventProcessor> readModels, StoredPositions stored, Duration timeout) {
        this.readModels = readModels;
        this.stored = stored;
        this.timeout = timeout;
    }

    void await(Consumer<RebuildProgress> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long reported = -1;
        while (true) {
            long done = readModels.values().stream().mapToLong(this::replayed).min().orElse(stored.count());
            if (done != reported) {
                progress.accept(new RebuildProgress(done, stored.count()));
                reported = done;
            }
            if (readModels.values().stream().allMatch(this::caughtUp)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models did not catch up within " + timeout.toMinutes()
                        + " min: " + positions());
            }
            pause();
        }
    }

    private boolean caughtUp(StreamingEventProcessor readModel) {
        Map<Integer, EventTrackerStatus> status = readModel.processingStatus();
        return !status.isEmpty() && status.values().stream()
                .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= stored.headPosition());
    }

    private long replayed(StreamingEventProcessor readModel) {
        return readModel.processingStatus().values().stream()
                .mapToLong(segment -> stored.countUpTo(segment.getCurrentPosition().orElse(-1)))
                .min().orElse(0);
    }

    private String positions() {
        return readModels.entrySet().stream()
                .map(entry -> entry.getKey() + " at " + replayed(entry.getValue()) + " of " + stored.count())
                .collect(Collectors.joining(", "));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the read models were replaying", interrupted);
        }
    }
}
