package dev.upshift.shell.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import dev.upshift.orchestrator.api.queries.FindUpgrade;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import dev.upshift.orchestrator.time.Poll;
import dev.upshift.shell.config.InFlightCommands;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Waits, in a one-shot process, until the work it started is done: no command in flight and the upgrade in the
 * state the caller waits for. Commands and the step dispatcher live only as long as this process. A step bounds its own
 * waits; what is bounded here is the time with no step under way and the upgrade still short of that state.
 */
@Component
public class UpgradeProgress {

    private static final Duration POLL = Duration.ofMillis(100);

    private final QueryGateway queries;
    private final InFlightCommands inFlight;
    private final Duration idleLimit;

    public UpgradeProgress(QueryGateway queries, InFlightCommands inFlight,
                           @Value("${upshift.idle-limit:PT30S}") Duration idleLimit) {
        this.queries = queries;
        this.inFlight = inFlight;
        this.idleLimit = idleLimit;
    }

    /**
     * Waits until nothing is under way and the upgrade satisfies the condition; returns its view then.
     *
     * @param awaited what the condition means to the operator ("a gate, a pause or an end"), for the line that
     *                ends the wait when nothing happens for the idle limit
     * @param whileWaiting run at every look, e.g. to print the steps as they happen
     */
    public UpgradeView await(String upgradeId, Predicate<UpgradeView> condition, String awaited,
                             Runnable whileWaiting) {
        Instant idleSince = null;
        while (true) {
            whileWaiting.run();
            if (inFlight.none()) {
                UpgradeView view = queries.query(new FindUpgrade(upgradeId), UpgradeView.class).join();
                if (view != null && condition.test(view) && inFlight.none()) {
                    return view;
                }
                idleSince = idleSince == null ? Instant.now() : idleSince;
                if (Duration.between(idleSince, Instant.now()).compareTo(idleLimit) >= 0) {
                    throw new CommandOutcome(CommandOutcome.STEP_FAILED, "waited " + idleLimit.toSeconds()
                            + " s for upgrade " + upgradeId + " to reach " + awaited + " with no step under way; "
                            + "it is left as it stands: `upshift status " + upgradeId + "` shows where, `upshift resume "
                            + upgradeId + "` continues it");
                }
            } else {
                idleSince = null;
            }
            // not Poll's loop: its bound restarts whenever a command is under way
            Poll.pause(POLL, interrupted -> new IllegalStateException("interrupted while waiting for the upgrade",
                    interrupted));
        }
    }
}
