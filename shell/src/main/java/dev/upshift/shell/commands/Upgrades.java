package dev.upshift.shell.commands;

import java.util.List;

import dev.upshift.orchestrator.api.Retention;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.api.queries.FindExecutionLog;
import dev.upshift.orchestrator.api.queries.FindUpgrade;
import dev.upshift.orchestrator.api.queries.FindUpgradeSummary;
import dev.upshift.orchestrator.api.queries.LogEntry;
import dev.upshift.orchestrator.api.queries.UpgradeSummary;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.shell.render.KeptItems;
import dev.upshift.shell.render.UpgradeDocument;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** The store's answers that several commands need: does an upgrade exist, where does it stand, what is its log. */
@Component
public class Upgrades {

    private final EventStore eventStore;
    private final QueryGateway queries;

    public Upgrades(EventStore eventStore, QueryGateway queries) {
        this.eventStore = eventStore;
        this.queries = queries;
    }

    public boolean exists(String upgradeId) {
        return eventStore.lastSequenceNumberFor(upgradeId).isPresent();
    }

    /** @throws InvalidInput when the store has no such upgrade */
    public void requireExisting(String upgradeId) {
        if (!exists(upgradeId)) {
            throw new InvalidInput("there is no upgrade '" + upgradeId + "' in the store; `upshift list` shows them");
        }
    }

    /** The plan, as the upgrade's first event recorded it. */
    public UpgradePlan plan(String upgradeId) {
        requireExisting(upgradeId);
        return ((UpgradePlanned) eventStore.readEvents(upgradeId).next().getPayload()).plan();
    }

    /** What the upgrade keeps after completion and what retention removed, folded from its own events. */
    public Retention retention(String upgradeId) {
        Retention retention = new Retention();
        eventStore.readEvents(upgradeId).asStream().forEach(event -> retention.apply(event.getPayload()));
        return retention;
    }

    public List<LogEntry> log(String upgradeId) {
        return queries.query(new FindExecutionLog(upgradeId), ResponseTypes.multipleInstancesOf(LogEntry.class)).join();
    }

    public UpgradeView view(String upgradeId) {
        return queries.query(new FindUpgrade(upgradeId), UpgradeView.class).join();
    }

    public UpgradeSummary summary(String upgradeId) {
        return queries.query(new FindUpgradeSummary(upgradeId), UpgradeSummary.class).join();
    }

    /** The upgrade as it stands, as every {@code --json} prints it. */
    public UpgradeDocument document(UpgradeView view) {
        String upgradeId = view.upgradeId();
        return UpgradeDocument.of(plan(upgradeId), view, summary(upgradeId), log(upgradeId),
                KeptItems.of(retention(upgradeId)));
    }
}
