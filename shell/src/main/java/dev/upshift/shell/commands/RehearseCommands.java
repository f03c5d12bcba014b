package dev.upshift.shell.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.upshift.audit.drive.Drive;
import dev.upshift.audit.drive.DriveClaims;
import dev.upshift.orchestrator.api.StepTime;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.commands.PlanUpgrade;
import dev.upshift.orchestrator.api.commands.RecordRehearsal;
import dev.upshift.orchestrator.api.commands.StartRun;
import dev.upshift.orchestrator.api.events.RehearsalCleanedUp;
import dev.upshift.orchestrator.api.events.RehearsalCompleted;
import dev.upshift.orchestrator.api.events.RehearsalEvent;
import dev.upshift.orchestrator.api.events.RehearsalFailed;
import dev.upshift.orchestrator.api.events.RehearsalStarted;
import dev.upshift.orchestrator.api.queries.LogEntry;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import dev.upshift.orchestrator.planning.PlanRequest;
import dev.upshift.orchestrator.planning.UpgradePlanner;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.process.ThisProcess;
import dev.upshift.orchestrator.rehearsal.ScratchStack;
import dev.upshift.orchestrator.rehearsal.ScratchStacks;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.shell.render.MarkdownTable;
import dev.upshift.orchestrator.text.Durations;
import dev.upshift.shell.render.Views;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/**
 * The rehearsal: the planned upgrade run end to end, as an upgrade of its own ({@code ID-rehearsal-N}), on a scratch
 * copy of the database and its dependents in a compose project of its own on the same engine, on a network nothing
 * leaves, while the live stack keeps serving. Its
 * downtime becomes the upgrade's expected downtime; what it made is removed whatever its outcome.
 */
@Command(group = "Upgrade")
public class RehearseCommands {

    /** What failed when the rehearsal's upgrade never ran. */
    private static final String SCRATCH_COPY = "the scratch copy";

    private final CommandGateway commands;
    private final Upgrades upgrades;
    private final UpgradePlanner planner;
    private final ScratchStacks scratchStacks;
    private final Driving driving;
    private final DriveClaims drives;
    private final ThisProcess self;
    private final Path home;

    public RehearseCommands(CommandGateway commands, Upgrades upgrades, UpgradePlanner planner,
                            ScratchStacks scratchStacks, Driving driving, DriveClaims drives, ThisProcess self,
                            @Value("${upshift.home}") String home) {
        this.commands = commands;
        this.upgrades = upgrades;
        this.planner = planner;
        this.scratchStacks = scratchStacks;
        this.driving = driving;
        this.drives = drives;
        this.self = self;
        this.home = Path.of(home).toAbsolutePath();
    }

    @Command(command = "rehearse", description = "Run the planned upgrade end to end on a scratch copy of the database and measure its downtime; the live stack is not touched.")
    public String rehearse(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId) {
        UpgradePlan live = upgrades.plan(upgradeId);
        String rehearsalId = nextRehearsalId(upgradeId);
        ScratchStack scratch = new ScratchStack(ScratchStacks.projectOf(live), home.resolve("rehearsals").resolve(rehearsalId));
        try (Drive drive = drives.take(upgradeId, self.name())) {
            record(upgradeId, new RehearsalStarted(upgradeId, rehearsalId, scratch.project()));
            RehearsalEvent result;
            RehearsalCleanedUp removed;
            try {
                result = rehearse(live, upgradeId, rehearsalId, scratch, drive);
            } finally {
                removed = scratchStacks.remove(live, upgradeId, rehearsalId, scratch);
                record(upgradeId, removed);
            }
            record(upgradeId, result);
            String report = report(result, removed);
            if (result instanceof RehearsalFailed) {
                throw new CommandOutcome(CommandOutcome.STEP_FAILED, report);
            }
            return report + Views.next(upgrades.view(upgradeId));
        }
    }

    /** The first of ID-rehearsal-1, -2… that the store does not hold yet. */
    private String nextRehearsalId(String upgradeId) {
        int number = 1;
        while (upgrades.exists(upgradeId + "-rehearsal-" + number)) {
            number++;
        }
        return upgradeId + "-rehearsal-" + number;
    }

    /**
     * The scratch stack, then the rehearsal's plan — the live one's method, images, transfer, snapshot and dependents,
     * backups in the scratch directory — run with the downtime approved, as {@code run --yes} runs it.
     */
    private RehearsalEvent rehearse(UpgradePlan live, String upgradeId, String rehearsalId, ScratchStack scratch,
                                    Drive drive) {
        UpgradePlan plan;
        try {
            scratchStacks.create(live, rehearsalId, scratch.directory());
            plan = planner.plan(new PlanRequest(scratch.composeFile(), live.service(), live.targetImage(), rehearsalId,
                    live.method().label(), live.startOrder(), scratch.backupDir(), live.dockerHost(), live.upgradeImage(),
                    live.transfer(), live.snapshot(), List.of(), live.restartAllowed()));
        } catch (StepFailure | InvalidInput failure) {
            return new RehearsalFailed(upgradeId, rehearsalId, SCRATCH_COPY, failure.getMessage());
        }
        commands.sendAndWait(new PlanUpgrade(rehearsalId, plan));
        UpgradeView rested = driving.drive(rehearsalId, false, new StartRun(rehearsalId, self.name(), null, true),
                drive::keepAlive);
        List<LogEntry> log = upgrades.log(rehearsalId);
        if (rested.status() != UpgradeStatus.COMPLETED) {
            return failure(upgradeId, rehearsalId, rested, log);
        }
        return new RehearsalCompleted(upgradeId, rehearsalId, upgrades.summary(rehearsalId).downtime(), times(log));
    }

    /** The step that failed, as the log titles it, and why, as the status read model keeps it ("3.5: why"). */
    private static RehearsalFailed failure(String upgradeId, String rehearsalId, UpgradeView rested, List<LogEntry> log) {
        String step = log.stream().filter(entry -> LogEntry.FAILED.equals(entry.status()))
                .map(entry -> entry.step() + " " + entry.title()).findFirst().orElse("its run");
        String why = rested.lastFailure() == null ? "it ended " + rested.status().label()
                : rested.lastFailure().substring(rested.lastFailure().indexOf(": ") + 2);
        return new RehearsalFailed(upgradeId, rehearsalId, step, why);
    }

    private static List<StepTime> times(List<LogEntry> log) {
        return log.stream().filter(entry -> entry.started() != null && entry.ended() != null)
                .map(entry -> new StepTime(entry.step(), entry.title(), Duration.between(entry.started(), entry.ended())))
                .toList();
    }

    private void record(String upgradeId, RehearsalEvent fact) {
        commands.sendAndWait(new RecordRehearsal(upgradeId, fact));
    }

    private static String report(RehearsalEvent result, RehearsalCleanedUp removed) {
        StringBuilder out = new StringBuilder();
        if (result instanceof RehearsalCompleted completed) {
            MarkdownTable steps = new MarkdownTable("Step", "Title", "Took");
            completed.steps().forEach(step -> steps.row(step.step(), step.title(), Durations.seconds(step.took())));
            out.append("# Rehearsal ").append(completed.rehearsalId()).append("\n\n").append(steps.render())
                    .append("\nThe planned upgrade ran end to end on a scratch copy; its integrity checks held.\n");
        } else if (result instanceof RehearsalFailed failed) {
            out.append("Rehearsal ").append(failed.rehearsalId()).append(" failed at ").append(failed.step())
                    .append(": ").append(failed.reason()).append("\nThis is what would have failed; nobody's downtime "
                            + "started and the expected downtime is unchanged.\n");
        }
        out.append("Removed: containers ").append(listed(removed.containers())).append("; volumes ")
                .append(listed(removed.volumes())).append("; ").append(removed.directory()).append('\n');
        if (!removed.notRemoved().isEmpty()) {
            out.append("Not removed: ").append(String.join("; ", removed.notRemoved())).append('\n');
        }
        out.append("The live stack was not touched.");
        if (result instanceof RehearsalCompleted completed) {
            out.append("\nExpected downtime: ").append(Durations.seconds(completed.downtime()));
        }
        return out.toString();
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
