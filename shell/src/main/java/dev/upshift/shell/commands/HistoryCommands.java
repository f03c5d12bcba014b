package dev.upshift.shell.commands;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.trail.EventSummaries;
import dev.upshift.orchestrator.api.queries.AuditEntry;
import dev.upshift.orchestrator.api.queries.FindAuditTrail;
import dev.upshift.orchestrator.api.queries.FindEvents;
import dev.upshift.orchestrator.api.queries.StoredEvent;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.shell.render.HistoryViews;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** What happened, as recorded: an upgrade's raw events, and the audit trail of every upgrade. */
@Command(group = "Audit")
public class HistoryCommands {

    private final QueryGateway queries;
    private final Upgrades upgrades;
    private final ObjectMapper json;
    private final ObjectMapper compact;

    public HistoryCommands(QueryGateway queries, Upgrades upgrades, ObjectMapper json) {
        this.queries = queries;
        this.upgrades = upgrades;
        this.json = JsonOutput.indented(json);
        this.compact = json;
    }

    @Command(command = "events", description = "An upgrade's raw history: every event with its payload and metadata.")
    public String events(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "json", description = "print JSON") boolean asJson) throws JsonProcessingException {
        upgrades.requireExisting(upgradeId);
        List<StoredEvent> events = queries.query(new FindEvents(upgradeId),
                ResponseTypes.multipleInstancesOf(StoredEvent.class)).join();
        return asJson ? json.writeValueAsString(events) : HistoryViews.events(events, this::oneLine);
    }

    @Command(command = "audit", description = "Every event with who caused it and when; filtered by upgrade, time, type and user.")
    public String audit(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", description = "only this upgrade") String upgradeId,
            @Option(longNames = "since", description = "from this instant on, e.g. 2026-11-28T23:10:00Z") String since,
            @Option(longNames = "until", description = "up to this instant, e.g. 2026-11-28T23:30:00Z") String until,
            @Option(longNames = "type", description = "only events of this type, e.g. ServiceStopped") String type,
            @Option(longNames = "actor", description = "only events caused by this OS user") String actor,
            @Option(longNames = "json", description = "print JSON") boolean asJson) throws JsonProcessingException {
        if (upgradeId != null) {
            upgrades.requireExisting(upgradeId);
        }
        if (type != null && !EventSummaries.knownTypes().contains(type)) {
            throw new InvalidInput("there is no event type '" + type + "'; the types are "
                    + String.join(", ", EventSummaries.knownTypes()));
        }
        FindAuditTrail query = new FindAuditTrail(upgradeId, InstantOption.parse("--since", since),
                InstantOption.parse("--until", until), type, actor);
        List<AuditEntry> entries = queries.query(query, ResponseTypes.multipleInstancesOf(AuditEntry.class)).join();
        return asJson ? json.writeValueAsString(entries) : HistoryViews.audit(entries);
    }

    private String oneLine(Object payload) {
        try {
            return compact.writeValueAsString(payload);
        } catch (JsonProcessingException unwritable) {
            return payload.toString();
        }
    }
}
