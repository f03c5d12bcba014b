package dev.upshift.shell.commands;

import java.time.Duration;
import java.util.function.Predicate;

import dev.upshift.orchestrator.api.FindUpgrade;
import dev.upshift.orchestrator.api.UpgradeView;
import dev.upshift.shell.config.InFlightCommands;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Waits, in a one-shot process, until the work it started is done: no command in flight, every event
 * processor caught up with the store, and the upgrade in the state the caller waits for. Sagas, processors
 * and command threads live only as long as this process.
 */
@Component
public class UpgradeProgress {

    private static final Duration POLL = Duration.ofMillis(100);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final QueryGateway queries;
    private final InFlightCommands inFlight;

    public UpgradeProgress(EventProcessingConfiguration processing, EventStore eventStore, QueryGateway queries,
                           InFlightCommands inFlight) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.queries = queries;
        this.inFlight = inFlight;
    }

    /** Waits until every processor has caught up with everything stored so far. */
    public void awaitProjections() {
        while (!caughtUp()) {
            pause();
        }
    }

    /**
     * Waits until nothing is under way and the upgrade satisfies the condition; returns its view then.
     *
     * @param whileWaiting run at every look, e.g. to print the steps as they happen
     */
    public UpgradeView await(String upgradeId, Predicate<UpgradeView> condition, Runnable whileWaiting) {
        while (true) {
            whileWaiting.run();
            if (inFlight.none() && caughtUp()) {
                UpgradeView view = queries.query(new FindUpgrade(upgradeId), UpgradeView.class).join();
                if (view != null && condition.test(view) && inFlight.none()) {
                    return view;
                }
            }
            pause();
        }
    }

    private boolean caughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance)
                .map(TrackingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(status ->
                                status.getCurrentPosition().orElse(-1) >= headPosition));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the upgrade", interrupted);
        }
    }
}
