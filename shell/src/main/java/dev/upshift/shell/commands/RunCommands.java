package dev.upshift.shell.commands;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.drive.Drive;
import dev.upshift.audit.drive.DriveClaims;
import dev.upshift.orchestrator.api.Retention;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.commands.ApproveDowntime;
import dev.upshift.orchestrator.api.commands.CleanUpNow;
import dev.upshift.orchestrator.api.commands.InitiateRollback;
import dev.upshift.orchestrator.api.commands.ResumeRun;
import dev.upshift.orchestrator.api.commands.StartPreflight;
import dev.upshift.orchestrator.api.commands.StartRun;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.process.ThisProcess;
import dev.upshift.shell.config.NodeTokens;
import dev.upshift.shell.render.KeptItems;
import dev.upshift.shell.render.Outcomes;
import dev.upshift.shell.render.Views;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/**
 * The commands that move an upgrade: each claims the upgrade for this process, sends one command, then stays until
 * the upgrade reaches a gate or an end, and exits with what that rest means.
 */
@Command(group = "Upgrade")
public class RunCommands {

    /** Each rollback mode, and what it brings back. */
    private static final Map<String, String> ROLLBACK_MODES = Map.of(
            "quick", "the old server on its own volume",
            "full", "the old version, restored from the dump into a fresh volume");

    private final CommandGateway commands;
    private final Upgrades upgrades;
    private final ThisProcess self;
    private final ObjectMapper json;
    private final Driving driving;
    private final HandOver handOver;
    private final NodeTokens nodeTokens;

    public RunCommands(CommandGateway commands, Upgrades upgrades, ThisProcess self, ObjectMapper json, Driving driving,
                       HandOver handOver, NodeTokens nodeTokens) {
        this.commands = commands;
        this.upgrades = upgrades;
        this.self = self;
        this.json = JsonOutput.indented(json);
        this.driving = driving;
        this.handOver = handOver;
        this.nodeTokens = nodeTokens;
    }

    @Command(command = "preflight", description = "Run Phase 0 (read-only checks) against the live stack.")
    public String preflight(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "json", description = "print the upgrade as JSON (docs/json-output.md)") boolean asJson)
            throws JsonProcessingException {
        upgrades.requireExisting(upgradeId);
        return drive(upgradeId, asJson, new StartPreflight(upgradeId, self.name()));
    }

    @Command(command = "run", description = "Run the upgrade from where it stands, up to a gate or the end.")
    public String run(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "until", description = "pause after this phase (0-5) or step (e.g. 3.5)") String until,
            @Option(longNames = "yes", description = "approve the downtime of Phase 3 too") boolean yes,
            @Option(longNames = "detach", description = "hand it to the nodes (upshift serve) and return at once") boolean detach,
            @Option(longNames = "json", description = "print the upgrade as JSON (docs/json-output.md)") boolean asJson)
            throws JsonProcessingException {
        upgrades.requireExisting(upgradeId);
        requireNoWindowAwaited(upgradeId, asJson);
        if (until != null && !pausePoints(upgradeId).contains(until)) {
            throw new InvalidInput("--until takes a phase (0 to 5) or a step of this upgrade's runbook (e.g. 3.5), not '"
                    + until + "'");
        }
        if (detach) {
            return handOver.toTheNodes(upgradeId, asJson, new StartRun(upgradeId, ThisProcess.NODES, until, yes));
        }
        readyTheNodesForAWindow(upgradeId);
        return drive(upgradeId, asJson, new StartRun(upgradeId, self.name(), until, yes));
    }

    @Command(command = "advance", description = "Continue an upgrade that waits at the gate or a pause.")
    public String advance(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "detach", description = "hand it to the nodes (upshift serve) and return at once") boolean detach,
            @Option(longNames = "json", description = "print the upgrade as JSON (docs/json-output.md)") boolean asJson)
            throws JsonProcessingException {
        return run(upgradeId, null, false, detach, asJson);
    }

    @Command(command = "approve", description = "Approve the downtime of Phase 3.")
    public String approve(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId) {
        upgrades.requireExisting(upgradeId);
        commands.sendAndWait(new ApproveDowntime(upgradeId));
        return "Downtime approved. Next: upshift advance " + upgradeId;
    }

    @Command(command = "resume", description = "Take over an upgrade whose process died; nothing is done twice.")
    public String resume(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "detach", description = "hand it to the nodes (upshift serve) and return at once") boolean detach,
            @Option(longNames = "json", description = "print the upgrade as JSON (docs/json-output.md)") boolean asJson)
            throws JsonProcessingException {
        upgrades.requireExisting(upgradeId);
        requireNoWindowAwaited(upgradeId, asJson);
        if (detach) {
            return handOver.toTheNodes(upgradeId, asJson, new ResumeRun(upgradeId, ThisProcess.NODES));
        }
        readyTheNodesForAWindow(upgradeId);
        return drive(upgradeId, asJson, new ResumeRun(upgradeId, self.name()));
    }

    @Command(command = "rollback", description = "Undo the upgrade: the old server on its volume (quick) or restored from the dump (full), the dependents on it.")
    public String rollback(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "mode", defaultValue = "quick", description = "quick: the old server on its own volume; full: the old version restored from the dump into a fresh volume") String mode,
            @Option(longNames = "yes", description = "confirm") boolean yes,
            @Option(longNames = "accept-data-loss", description = "roll back even after the dependents ran on the new version")
            boolean acceptDataLoss,
            @Option(longNames = "detach", description = "hand it to the nodes (upshift serve) and return at once") boolean detach,
            @Option(longNames = "json", description = "print the upgrade as JSON (docs/json-output.md)") boolean asJson)
            throws JsonProcessingException {
        upgrades.requireExisting(upgradeId);
        if (!ROLLBACK_MODES.containsKey(mode)) {
            throw new InvalidInput("unknown rollback mode '" + mode + "'; use quick (the old server on its own volume) "
                    + "or full (the old version restored from the dump into a fresh volume)");
        }
        if (!yes) {
            String confirm = "upshift rollback " + upgradeId + ("quick".equals(mode) ? "" : " --mode " + mode) + " --yes";
            throw new CommandOutcome(CommandOutcome.AT_GATE, asJson
                    ? json.writeValueAsString(upgrades.document(upgrades.view(upgradeId)).withNext(confirm))
                    : "A rollback stops the stack and brings back " + ROLLBACK_MODES.get(mode) + ". Confirm with: "
                            + confirm);
        }
        String runner = detach ? ThisProcess.NODES : self.name();
        InitiateRollback rollback = new InitiateRollback(upgradeId, "requested by the operator", mode, acceptDataLoss,
                runner);
        return detach ? handOver.toTheNodes(upgradeId, asJson, rollback) : drive(upgradeId, asJson, rollback);
    }

    /** Waiting for its maintenance window, an upgrade is moved by the window's opening, on a node: said, exit 3. */
    private void requireNoWindowAwaited(String upgradeId, boolean asJson) throws JsonProcessingException {
        UpgradeView view = upgrades.view(upgradeId);
        if (view.status() == UpgradeStatus.AWAITING_WINDOW) {
            throw new CommandOutcome(CommandOutcome.AT_GATE, asJson
                    ? json.writeValueAsString(upgrades.document(view)) : Views.windowWait(view));
        }
    }

    /** Waiting for a maintenance window hands the upgrade to the nodes: their place in the stream is set first, as --detach does. */
    private void readyTheNodesForAWindow(String upgradeId) {
        if (!upgrades.plan(upgradeId).windows().isEmpty()) {
            nodeTokens.startAtTheHeadIfNew();
        }
    }

    @Command(command = "cleanup", description = "What a completed upgrade keeps until when; with --now --yes, remove it at once.")
    public String cleanup(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "now", description = "remove the old container, image, volume and the backups now, in this process") boolean now,
            @Option(longNames = "yes", description = "confirm --now") boolean yes) throws JsonProcessingException {
        upgrades.requireExisting(upgradeId);
        if (!now) {
            String kept = KeptItems.table(upgrades.retention(upgradeId));
            return kept.isEmpty() ? "Upgrade " + upgradeId + " keeps nothing for retention to remove." : kept.strip();
        }
        if (!yes) {
            throw new CommandOutcome(CommandOutcome.AT_GATE, "Removing what the upgrade keeps cannot be undone, and "
                    + "no rollback needs it afterwards. Confirm with: upshift cleanup " + upgradeId + " --now --yes");
        }
        String log = drive(upgradeId, false, new CleanUpNow(upgradeId, self.name()));
        Retention retention = upgrades.retention(upgradeId);
        String answer = log + "\n" + KeptItems.table(retention);
        if (retention.pendingSteps().stream().anyMatch(step -> retention.failure(step).isPresent())) {
            throw new CommandOutcome(CommandOutcome.STEP_FAILED, answer);
        }
        return answer;
    }

    private Set<String> pausePoints(String upgradeId) {
        Set<String> points = new HashSet<>(Set.of("0", "1", "2", "3", "4", "5"));
        Runbook.of(upgrades.plan(upgradeId)).steps().forEach(step -> points.add(step.number()));
        return points;
    }

    /** Drives the upgrade from this process ({@link Driving}) and turns its rest into output (text or JSON) and an exit code. */
    private String drive(String upgradeId, boolean asJson, Object command) throws JsonProcessingException {
        UpgradeView view = driving.drive(upgradeId, asJson, command, () -> { });
        String answer = asJson ? json.writeValueAsString(upgrades.document(view))
                : Outcomes.text(view, upgrades.log(upgradeId));
        int exitCode = exitCode(view.status());
        if (exitCode != 0) {
            throw new CommandOutcome(exitCode, answer);
        }
        return answer;
    }

    private static int exitCode(UpgradeStatus rest) {
        return switch (rest) {
            case ROLLED_BACK, PREFLIGHT_FAILED, ROLLBACK_FAILED -> CommandOutcome.STEP_FAILED;
            case AWAITING_APPROVAL, AWAITING_WINDOW -> CommandOutcome.AT_GATE;
            default -> 0;
        };
    }
}
