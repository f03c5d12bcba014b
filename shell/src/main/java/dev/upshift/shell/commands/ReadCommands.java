package dev.upshift.shell.commands;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.queries.ListUpgrades;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import dev.upshift.shell.render.KeptItems;
import dev.upshift.shell.render.Views;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** The commands that only read the projections. */
@Command(group = "Read")
public class ReadCommands {

    private final QueryGateway queries;
    private final Upgrades upgrades;
    private final ObjectMapper json;

    public ReadCommands(QueryGateway queries, Upgrades upgrades, ObjectMapper json) {
        this.queries = queries;
        this.upgrades = upgrades;
        this.json = JsonOutput.indented(json);
    }

    @Command(command = "status", description = "Where an upgrade stands, with its baseline; all upgrades without an id.")
    public String status(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.ZERO_OR_ONE, description = "the upgrade") String upgradeId,
            @Option(longNames = "json", description = "print JSON (docs/json-output.md)") boolean asJson)
            throws JsonProcessingException {
        if (upgradeId == null) {
            return list(asJson);
        }
        upgrades.requireExisting(upgradeId);
        UpgradeView view = upgrades.view(upgradeId);
        if (asJson) {
            return json.writeValueAsString(upgrades.document(view));
        }
        return Views.status(view, upgrades.summary(upgradeId)) + "\nExpected downtime: " + Views.expectedDowntime(view)
                + KeptItems.table(upgrades.retention(upgradeId))
                + Views.next(view);
    }

    @Command(command = "list", description = "Every upgrade in the store, newest first.")
    public String list(@Option(longNames = "json", description = "print JSON (docs/json-output.md)") boolean asJson)
            throws JsonProcessingException {
        List<UpgradeView> views = queries.query(new ListUpgrades(), ResponseTypes.multipleInstancesOf(UpgradeView.class))
                .join();
        return asJson ? json.writeValueAsString(views.stream().map(upgrades::document).toList()) : Views.list(views);
    }

    @Command(command = "log", description = "An upgrade's execution log: step, started, ended, status, notes.")
    public String log(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "json", description = "print JSON") boolean asJson) throws JsonProcessingException {
        upgrades.requireExisting(upgradeId);
        if (asJson) {
            return json.writeValueAsString(upgrades.log(upgradeId));
        }
        UpgradeView view = upgrades.view(upgradeId);
        return Views.log(upgrades.log(upgradeId))
                + (view.status() == UpgradeStatus.AWAITING_WINDOW ? "\n" + Views.windowWait(view) : "");
    }
}
