package dev.upshift.shell.commands;

import java.util.HashSet;
import java.util.Set;

import dev.upshift.orchestrator.api.ApproveDowntime;
import dev.upshift.orchestrator.api.InitiateRollback;
import dev.upshift.orchestrator.api.ResumeRun;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.StartPreflight;
import dev.upshift.orchestrator.api.StartRun;
import dev.upshift.orchestrator.api.UpgradeView;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.process.ThisProcess;
import dev.upshift.shell.render.Views;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * The commands that move an upgrade: each sends one command, then stays until the saga reaches a gate or an
 * end and the read models have caught up, and exits with what that rest means.
 */
@Command(group = "Upgrade")
public class RunCommands {

    private final CommandGateway commands;
    private final Upgrades upgrades;
    private final UpgradeProgress progress;
    private final ThisProcess self;
    private final StepFollowing following;

    public RunCommands(CommandGateway commands, Upgrades upgrades, UpgradeProgress progress, ThisProcess self,
                       StepFollowing following) {
        this.commands = commands;
        this.upgrades = upgrades;
        this.progress = progress;
        this.self = self;
        this.following = following;
    }

    @Command(command = "preflight", description = "Run Phase 0 (read-only checks) against the live stack.")
    public String preflight(
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId) {
        upgrades.requireExisting(upgradeId);
        StepFollower steps = following.follow(upgradeId);
        commands.sendAndWait(new StartPreflight(upgradeId, self.name()));
        return outcome(upgradeId, steps);
    }

    @Command(command = "run", description = "Run the upgrade from where it stands, up to a gate or the end.")
    public String run(
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "until", description = "pause after this phase (0-5) or step (e.g. 3.5)") String until,
            @Option(longNames = "yes", description = "approve the downtime of Phase 3 too") boolean yes) {
        upgrades.requireExisting(upgradeId);
        if (until != null && !pausePoints(upgradeId).contains(until)) {
            throw new InvalidInput("--until takes a phase (0 to 5) or a step of this upgrade's runbook (e.g. 3.5), not '"
                    + until + "'");
        }
        StepFollower steps = following.follow(upgradeId);
        commands.sendAndWait(new StartRun(upgradeId, self.name(), until, yes));
        return outcome(upgradeId, steps);
    }

    @Command(command = "advance", description = "Continue an upgrade that waits at the gate or a pause.")
    public String advance(
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId) {
        return run(upgradeId, null, false);
    }

    @Command(command = "approve", description = "Approve the downtime of Phase 3.")
    public String approve(
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId) {
        upgrades.requireExisting(upgradeId);
        commands.sendAndWait(new ApproveDowntime(upgradeId));
        progress.awaitProjections();
        return "Downtime approved. Next: upshift advance " + upgradeId;
    }

    @Command(command = "resume", description = "Take over an upgrade whose process died; nothing is done twice.")
    public String resume(
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId) {
        upgrades.requireExisting(upgradeId);
        StepFollower steps = following.follow(upgradeId);
        commands.sendAndWait(new ResumeRun(upgradeId, self.name()));
        return outcome(upgradeId, steps);
    }

    @Command(command = "rollback", description = "Undo the upgrade: the old server on its untouched volume, the dependents on it.")
    public String rollback(
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "mode", defaultValue = "quick", description = "quick (the untouched old volume)") String mode,
            @Option(longNames = "yes", description = "confirm") boolean yes,
            @Option(longNames = "accept-data-loss", description = "roll back even after the dependents ran on the new version")
            boolean acceptDataLoss) {
        upgrades.requireExisting(upgradeId);
        if (!"quick".equals(mode)) {
            throw new InvalidInput("rollback mode '" + mode + "' is not available; quick brings back the untouched old volume");
        }
        if (!yes) {
            throw new CommandOutcome(CommandOutcome.AT_GATE, "A rollback stops the stack and brings back the old server "
                    + "on its untouched volume. Confirm with: upshift rollback " + upgradeId + " --yes");
        }
        StepFollower steps = following.follow(upgradeId);
        commands.sendAndWait(new InitiateRollback(upgradeId, "requested by the operator", mode, false, acceptDataLoss,
                self.name()));
        return outcome(upgradeId, steps);
    }

    private Set<String> pausePoints(String upgradeId) {
        Set<String> points = new HashSet<>(Set.of("0", "1", "2", "3", "4", "5"));
        Runbook.of(upgrades.plan(upgradeId)).steps().forEach(step -> points.add(step.number()));
        return points;
    }

    /**
     * Prints the steps as they happen while it waits for the rest the upgrade reaches, then turns that rest into
     * output and an exit code.
     */
    private String outcome(String upgradeId, StepFollower steps) {
        UpgradeView view = progress.await(upgradeId, upgrade -> upgrade.status().resting(), steps::poll);
        steps.finish();
        String log = Views.log(upgrades.log(upgradeId)) + "\n";
        return switch (view.status()) {
            case COMPLETED -> log + "Upgrade completed: " + view.targetImage() + " serves the data of "
                    + view.sourceImage() + ".";
            case ROLLED_BACK -> throw new CommandOutcome(CommandOutcome.STEP_FAILED, log + "Rolled back: "
                    + view.lastFailure() + "\nThe stack serves on " + view.sourceImage() + " again, with its data.");
            case AWAITING_APPROVAL -> throw new CommandOutcome(CommandOutcome.AT_GATE, log + "Waiting at the gate: "
                    + "Phase 3 stops " + String.join(", ", view.stopOrder()) + " and starts the downtime. Approve with "
                    + "`upshift approve " + upgradeId + "` then `upshift advance " + upgradeId + "`, or run `upshift run "
                    + upgradeId + " --yes`.");
            case PREFLIGHT_PASSED -> log + "Pre-flight passed. Next: upshift run " + upgradeId;
            case PAUSED -> log + "Paused as asked. Continue with: upshift advance " + upgradeId;
            case PREFLIGHT_FAILED -> throw new CommandOutcome(CommandOutcome.STEP_FAILED, log + "Pre-flight failed at "
                    + view.lastFailure() + "\nNothing in the stack was changed.");
            case ROLLBACK_FAILED -> throw new CommandOutcome(CommandOutcome.STEP_FAILED, log + "The rollback stopped at "
                    + view.lastFailure());
            default -> log + "Upgrade " + upgradeId + " is " + view.status().label() + ".";
        };
    }
}
