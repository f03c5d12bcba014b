package dev.upshift.audit.replay;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * The read-model processors running in this process (the interactive shell, a test's context), stopped while a
 * rebuild writes their tables and tokens, then started again. Axon's shutdown gives up waiting for a worker still
 * claiming its token after a second, and its start refuses a processor whose worker has not ended yet: so this
 * waits until no segment is held before going on, and retries the start until the old worker is gone. A one-shot
 * {@code upshift rebuild} runs no processor, so it never gets here.
 */
final class PausedProcessors implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private final List<StreamingEventProcessor> stopped;

    private PausedProcessors(List<StreamingEventProcessor> stopped) {
        this.stopped = stopped;
    }

    static PausedProcessors pause(List<StreamingEventProcessor> running) {
        CompletableFuture.allOf(running.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        for (StreamingEventProcessor processor : running) {
            await(() -> processor.processingStatus().isEmpty(), processor.getName() + " to release its segments");
        }
        return new PausedProcessors(running);
    }

    @Override
    public void close() {
        for (StreamingEventProcessor processor : stopped) {
            await(() -> started(processor), processor.getName() + " to start again");
        }
    }

    /** False while the worker of the previous run is still ending: Axon refuses the start as pending shutdown. */
    private static boolean started(StreamingEventProcessor processor) {
        try {
            processor.start();
            return processor.isRunning();
        } catch (IllegalStateException pendingShutdown) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, interrupted);
            }
        }
    }
}
