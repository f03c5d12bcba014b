package dev.upshift.shell.commands;

import java.io.PrintWriter;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.replay.RebuildProgress;
import dev.upshift.audit.replay.RebuildResult;
import dev.upshift.audit.replay.ReplayService;
import dev.upshift.orchestrator.api.queries.FindUpgradeAt;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.shell.render.HistoryViews;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** History replayed: an upgrade as it stood at an instant, and every read model rebuilt from the store. */
@Command(group = "Audit")
public class ReplayCommands {

    private final QueryGateway queries;
    private final Upgrades upgrades;
    private final ReplayService replays;
    private final ObjectMapper json;

    public ReplayCommands(QueryGateway queries, Upgrades upgrades, ReplayService replays, ObjectMapper json) {
        this.queries = queries;
        this.upgrades = upgrades;
        this.replays = replays;
        this.json = JsonOutput.indented(json);
    }

    @Command(command = "replay", description = "An upgrade as it stood at an instant: status, execution log, component status.")
    public String replay(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "at", description = "the instant, e.g. 2026-11-28T23:10:00Z (default: now)") String at,
            @Option(longNames = "json", description = "print JSON") boolean asJson) throws JsonProcessingException {
        upgrades.requireExisting(upgradeId);
        Instant instant = InstantOption.parse("--at", at);
        UpgradeAt state = queries.query(new FindUpgradeAt(upgradeId, instant), UpgradeAt.class).join();
        if (state.upgrade() == null) {
            throw new InvalidInput("upgrade '" + upgradeId + "' was not planned yet at " + at
                    + "; `upshift events " + upgradeId + "` shows when it was");
        }
        return asJson ? json.writeValueAsString(state) : HistoryViews.at(state);
    }

    @Command(command = "rebuild", description = "Rebuild every read model from the events in the store.")
    public String rebuild(CommandContext context) {
        return rebuild(context.getTerminal().writer());
    }

    /** Prints a line at each tenth of the way, so that a long replay shows it is alive. */
    String rebuild(PrintWriter out) {
        long[] lastTenth = {-1};
        RebuildResult result = replays.rebuild(step -> {
            long tenth = step.total() == 0 ? 10 : step.done() * 10 / step.total();
            if (tenth > lastTenth[0]) {
                lastTenth[0] = tenth;
                out.println(line(step));
                out.flush();
            }
        });
        return result.events() + " events replayed into " + result.readModels().size() + " read models: "
                + String.join(", ", result.readModels());
    }

    private static String line(RebuildProgress step) {
        return "Replaying: " + step.done() + " of " + step.total() + " events";
    }
}
