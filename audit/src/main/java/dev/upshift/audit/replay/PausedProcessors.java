package dev.upshift.audit.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * The read-model processors running in this process (the interactive shell, a test's context), stopped while a
 * rebuild writes their tables and tokens, then started again. A one-shot {@code upshift rebuild} runs none, so it
 * never gets here.
 *
 * <p>Axon's tracking processor must not be shut down while it is still starting: if its launcher is claiming a
 * segment at that moment, it frees the segment without giving back the worker's thread slot, and after the next
 * start it never processes again (issue 4: the rebuild then waited forever at 0 events). So each is stopped only
 * once its worker is processing — it has caught up with the events at hand — and started again only once the old
 * worker has ended (Axon refuses the start as pending shutdown until then).
 */
final class PausedProcessors implements AutoCloseable {

    /** A processor whose segments another process holds never settles; its launcher is then only sleeping. */
    private static final Duration SETTLE_PATIENCE = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private final List<StreamingEventProcessor> stopped;

    private PausedProcessors(List<StreamingEventProcessor> stopped) {
        this.stopped = stopped;
    }

    static PausedProcessors pause(List<StreamingEventProcessor> running) {
        for (StreamingEventProcessor processor : running) {
            awaitUpTo(SETTLE_PATIENCE, () -> processing(processor));
        }
        CompletableFuture.allOf(running.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        for (StreamingEventProcessor processor : running) {
            require(() -> processor.processingStatus().isEmpty(), processor.getName() + " to release its segments");
        }
        return new PausedProcessors(running);
    }

    @Override
    public void close() {
        for (StreamingEventProcessor processor : stopped) {
            require(() -> started(processor), processor.getName() + " to start again");
        }
    }

    /** Its workers have run their loop at least once: the launcher is done with them. */
    private static boolean processing(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        return !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    /** False while the worker of the previous run is still ending. */
    private static boolean started(StreamingEventProcessor processor) {
        try {
            processor.start();
            return processor.isRunning();
        } catch (IllegalStateException pendingShutdown) {
            return false;
        }
    }

    private static void require(BooleanSupplier condition, String what) {
        if (!awaitUpTo(PATIENCE, condition)) {
            throw new IllegalStateException("waited " + PATIENCE.toSeconds() + " s for " + what);
        }
    }

    private static boolean awaitUpTo(Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read models' processors", interrupted);
            }
        }
        return true;
    }
}
