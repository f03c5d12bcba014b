package dev.upshift.orchestrator.upgrade;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.MaintenanceWindow;
import dev.upshift.orchestrator.api.MaintenanceWindow.Opening;
import dev.upshift.orchestrator.api.OldDatabaseObserved;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.RestoredDatabaseObserved;
import dev.upshift.orchestrator.api.Retention;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.SkippedWindow;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepReport;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.UpgradeState;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.commands.ApproveDowntime;
import dev.upshift.orchestrator.api.commands.CleanUpNow;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.FailStep;
import dev.upshift.orchestrator.api.commands.InitiateRollback;
import dev.upshift.orchestrator.api.commands.PlanUpgrade;
import dev.upshift.orchestrator.api.commands.RecordRehearsal;
import dev.upshift.orchestrator.api.commands.RecordProgress;
import dev.upshift.orchestrator.api.commands.ResumeRun;
import dev.upshift.orchestrator.api.commands.StartPreflight;
import dev.upshift.orchestrator.api.commands.StartRun;
import dev.upshift.orchestrator.api.commands.StartStep;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.CleanupRequested;
import dev.upshift.orchestrator.api.events.CompatibilityChecksPassed;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.DowntimeApproved;
import dev.upshift.orchestrator.api.events.DowntimeGateReached;
import dev.upshift.orchestrator.api.events.DowntimeScheduled;
import dev.upshift.orchestrator.api.events.FenceHeld;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.IntegrityMismatchDetected;
import dev.upshift.orchestrator.api.events.IntegrityVerified;
import dev.upshift.orchestrator.api.events.MaintenanceWindowReached;
import dev.upshift.orchestrator.api.events.NoMaintenanceWindowFits;
import dev.upshift.orchestrator.api.events.OldDatabaseVerified;
import dev.upshift.orchestrator.api.events.PointOfNoReturnPassed;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.RehearsalCleanedUp;
import dev.upshift.orchestrator.api.events.RehearsalCompleted;
import dev.upshift.orchestrator.api.events.RehearsalEvent;
import dev.upshift.orchestrator.api.events.RehearsalStarted;
import dev.upshift.orchestrator.api.events.RetentionCancelled;
import dev.upshift.orchestrator.api.events.RetentionRemovalFailed;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.RunPaused;
import dev.upshift.orchestrator.api.events.RunResumed;
import dev.upshift.orchestrator.api.events.RunStarted;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.process.ThisProcess;
import dev.upshift.orchestrator.upgrade.compatibility.CompatibilityCheck;
import dev.upshift.orchestrator.upgrade.compatibility.CompatibilityChecks;
import dev.upshift.orchestrator.upgrade.compatibility.CompatibilityFinding;
import dev.upshift.orchestrator.upgrade.rules.ApprovalComesBeforeTheDowntime;
import dev.upshift.orchestrator.upgrade.rules.DomainRule;
import dev.upshift.orchestrator.upgrade.rules.DowntimeNeedsApproval;
import dev.upshift.orchestrator.upgrade.rules.EndedUpgradesStayEnded;
import dev.upshift.orchestrator.upgrade.rules.NoCompatibilityCheckBlocks;
import dev.upshift.orchestrator.upgrade.rules.NoStepMayBeInProgress;
import dev.upshift.orchestrator.upgrade.rules.NodesTakeOverFromNodes;
import dev.upshift.orchestrator.upgrade.rules.NothingWrittenBehindTheFence;
import dev.upshift.orchestrator.upgrade.rules.OldDataMatchesTheFence;
import dev.upshift.orchestrator.upgrade.rules.OnlyInterruptedRunsResume;
import dev.upshift.orchestrator.upgrade.rules.PointOfNoReturn;
import dev.upshift.orchestrator.upgrade.rules.PreflightRunsBeforeTheUpgrade;
import dev.upshift.orchestrator.upgrade.rules.RehearsalComesBeforeTheDowntime;
import dev.upshift.orchestrator.upgrade.rules.ReportMatchesTheStepInProgress;
import dev.upshift.orchestrator.upgrade.rules.RestoredDataMatchesTheFence;
import dev.upshift.orchestrator.upgrade.rules.RollbackNeedsAStoppedUpgrade;
import dev.upshift.orchestrator.upgrade.rules.SomethingIsKept;
import dev.upshift.orchestrator.upgrade.rules.TheOldClusterMustBeUnshared;
import dev.upshift.orchestrator.upgrade.rules.RunsStartWhenIdle;
import dev.upshift.orchestrator.upgrade.rules.StepsFollowTheRunbook;
import dev.upshift.orchestrator.upgrade.rules.TheWindowStartsTheDowntime;
import dev.upshift.orchestrator.upgrade.rules.TheOldVersionServesAgain;
import dev.upshift.orchestrator.upgrade.rules.TheRunnerRunsTheSteps;
import dev.upshift.orchestrator.upgrade.rules.WhatTheRollbackNeedsIsKept;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One upgrade of one database, and the one place that decides: whether a command is legal in the upgrade's state,
 * whether what a step observed holds (the safety verdicts: nothing written behind the fence, the restored data is
 * the fenced data), and, once a step has ended or a run (re)started, what comes next — recorded as events ({@link #decide}). The I/O
 * happens in the step executors. Its event stream's sequence is the lock that keeps two processes from running
 * the same upgrade.
 */
@Aggregate
public class Upgrade {

    /** The rollback that starts the old server again on its own volume. */
    private static final String QUICK = "quick";
    /** The rollback that restores the old version from a dump into a fresh volume. */
    private static final String FULL = "full";
    /** The deadline at a maintenance window's opening, kept in the store until a node executes it. */
    static final String WINDOW_OPENS = "maintenance-window-opens";
    /** The deadline at which a Phase 6 step's items are due for removal (payload: the step). */
    private static final String RETENTION = "retention";
    /** A failed removal is tried again this much later, up to {@link #REMOVAL_ATTEMPTS} times in all. */
    static final Duration RETRY_AFTER = Duration.ofHours(1);
    static final int REMOVAL_ATTEMPTS = 5;

    @AggregateIdentifier
    private String upgradeId;
    private Runbook runbook;
    private UpgradePlan plan;
    private boolean pointOfNoReturnPassed;
    private UpgradeState state;
    private String runner;
    private String until;
    private boolean approved;
    private Step inProgress;
    private Step lastCompleted;
    private Step failed;
    private String failure;
    private List<Step> rollbackSteps = List.of();
    private Step lastRolledBack;
    private final Set<StepKind> started = EnumSet.noneOf(StepKind.class);
    private Baseline baseline;
    private List<Baseline.TableRows> fenceCounts = List.of();
    /** The downtime the last completed rehearsal measured (null before one), which a maintenance window must fit. */
    private Duration expectedDowntime;
    /** The plan's maintenance windows (none: Phase 3 at any time), the opening waited for, whether one was reached. */
    private List<MaintenanceWindow> windows = List.of();
    private Opening awaited;
    private boolean windowReached;
    private final Retention retention = new Retention();
    private Step cleanupDue;

    protected Upgrade() {
        // for event sourcing
    }

    @CommandHandler
    public Upgrade(PlanUpgrade command) {
        apply(new UpgradePlanned(command.upgradeId(), command.plan()));
    }

    @CommandHandler
    public void handle(StartPreflight command, DeadlineManager deadlines) {
        new NoStepMayBeInProgress(upgradeId, inProgress).verify();
        new PreflightRunsBeforeTheUpgrade(upgradeId, state.status()).verify();
        apply(new PreflightStarted(upgradeId, command.runner()));
        decide(deadlines);
    }

    @CommandHandler
    public void handle(StartRun command, DeadlineManager deadlines) {
        new EndedUpgradesStayEnded(upgradeId, state.status()).verify();
        new RunsStartWhenIdle(upgradeId, state.status(), runner).verify();
        new TheWindowStartsTheDowntime(upgradeId, state.status(), awaited).verify();
        if (command.approve() && !approved) {
            apply(new DowntimeApproved(upgradeId));
        }
        apply(new RunStarted(upgradeId, command.runner(), command.until()));
        if (state.status() == UpgradeStatus.PLANNED || state.status() == UpgradeStatus.PREFLIGHT_FAILED) {
            apply(new PreflightStarted(upgradeId, command.runner()));
        }
        decide(deadlines);
    }

    @CommandHandler
    public void handle(ResumeRun command, DeadlineManager deadlines) {
        new OnlyInterruptedRunsResume(upgradeId, state.status()).verify();
        new NodesTakeOverFromNodes(upgradeId, runner, command.runner()).verify();
        apply(new RunResumed(upgradeId, command.runner(), inProgress));
        decide(deadlines);
    }

    @CommandHandler
    public void handle(ApproveDowntime command) {
        new EndedUpgradesStayEnded(upgradeId, state.status()).verify();
        new ApprovalComesBeforeTheDowntime(upgradeId, started.stream().anyMatch(StepKind::startsDowntime)).verify();
        if (!approved) {
            apply(new DowntimeApproved(upgradeId));
        }
    }

    /**
     * A rehearsal starts and gives its result only before the downtime (a completed or rolled-back upgrade is not
     * rehearsed); what it removed is recorded whatever happened meanwhile.
     */
    @CommandHandler
    public void handle(RecordRehearsal command) {
        RehearsalEvent fact = command.fact();
        if (fact instanceof RehearsalStarted) {
            new EndedUpgradesStayEnded(upgradeId, state.status()).verify();
        }
        if (!(fact instanceof RehearsalCleanedUp)) {
            new RehearsalComesBeforeTheDowntime(upgradeId, started.stream().anyMatch(StepKind::startsDowntime)).verify();
        }
        apply(fact);
    }

    @CommandHandler
    public void handle(StartStep command) {
        new StepsFollowTheRunbook(nextStep(), inProgress, command.step()).verify();
        new TheRunnerRunsTheSteps(upgradeId, runner, command.runner()).verify();
        new DowntimeNeedsApproval(upgradeId, command.step(), approved).verify();
        apply(new StepStarted(upgradeId, command.step()));
    }

    @CommandHandler
    public void handle(RecordProgress command) {
        ReportMatchesTheStepInProgress.progress(inProgress, command.fact().step()).verify();
        apply(command.fact());
    }

    @CommandHandler
    public void handle(CompleteStep command, DeadlineManager deadlines) {
        boolean completedBefore = state.status() == UpgradeStatus.COMPLETED;
        StepReport report = command.report();
        ReportMatchesTheStepInProgress.outcome(inProgress, report.step()).verify();
        if (report instanceof RestoredDatabaseObserved restored) {
            judgeIntegrity(restored);
        } else if (report instanceof CompatibilityObserved seen) {
            judgeCompatibility(seen);
        } else if (report instanceof FinalDumpTaken dump) {
            judge(dump, new NothingWrittenBehindTheFence(dump.writesSinceFence()));
        } else if (report instanceof FenceHeld fence) {
            judge(fence, new NothingWrittenBehindTheFence(fence.writesSinceFence()));
        } else if (report instanceof OldDatabaseObserved old) {
            Baseline observed = old.observed();
            judge(new OldDatabaseVerified(upgradeId, old.step(), observed.serverVersion(), rows(observed)),
                    new TheOldVersionServesAgain(baseline, observed),
                    new OldDataMatchesTheFence(baseline, fenceCounts, observed));
        } else if (report instanceof StepOutcome outcome) {
            apply(outcome);
        } else {
            throw new IllegalArgumentException("no verdict is defined for " + report.getClass().getSimpleName());
        }
        decide(deadlines);
        if (!completedBefore && state.status() == UpgradeStatus.COMPLETED) {
            retention.pendingSteps().forEach(step -> scheduleRemoval(deadlines, step));
        }
    }

    /** 3.7: the data is the fenced data; otherwise what differs is recorded and the step fails. */
    private void judgeIntegrity(RestoredDatabaseObserved observed) {
        RestoredDataMatchesTheFence rule = new RestoredDataMatchesTheFence(baseline, fenceCounts, observed.restored());
        List<String> differences = rule.differences();
        if (!differences.isEmpty()) {
            apply(new IntegrityMismatchDetected(upgradeId, observed.step(), differences));
        }
        Baseline restored = observed.restored();
        judge(new IntegrityVerified(upgradeId, observed.step(), restored.tables().size(), rows(restored),
                restored.extensions(), restored.migrationVersion(), observed.writeCounter()), rule);
    }

    /** 0.5: every finding is recorded; the outcome holds unless one blocks, and the failure names every one that does. */
    private void judgeCompatibility(CompatibilityObserved seen) {
        List<CompatibilityFinding> findings = CompatibilityChecks.judge(seen, plan);
        findings.forEach(finding -> apply(new CompatibilityIssueFound(upgradeId, seen.step(), finding.check(),
                finding.verdict(), finding.detail(), finding.remedy())));
        List<String> checks = CompatibilityChecks.forMethod(plan.method()).stream().map(CompatibilityCheck::name).toList();
        List<String> warnings = findings.stream().map(finding -> finding.check() + ": " + finding.detail()).toList();
        judge(new CompatibilityChecksPassed(upgradeId, seen.step(), checks, warnings),
                new NoCompatibilityCheckBlocks(findings));
    }

    private static long rows(Baseline database) {
        return database.tables().stream().mapToLong(Baseline.TableRows::rows).sum();
    }

    /** An outcome that holds only if its rules hold: it is recorded, or the step fails with the first broken rule's message. */
    private void judge(StepOutcome outcome, DomainRule... rules) {
        Arrays.stream(rules).filter(DomainRule::isViolated).findFirst()
                .ifPresentOrElse(broken -> fail(outcome.step(), broken.message()), () -> apply(outcome));
    }

    @CommandHandler
    public void handle(FailStep command, DeadlineManager deadlines) {
        ReportMatchesTheStepInProgress.outcome(inProgress, command.step()).verify();
        if (command.step().phase() == Phase.CLEANUP) {
            removalFailed(command.step(), command.reason(), deadlines);
        } else {
            fail(command.step(), command.reason());
        }
        decide(deadlines);
    }

    /** A Phase 6 step that failed leaves the upgrade completed: recorded, and tried again later, a bounded number of times. */
    private void removalFailed(Step step, String reason, DeadlineManager deadlines) {
        int attempt = retention.attempts(step) + 1;
        Instant retryAt = attempt < REMOVAL_ATTEMPTS ? now().plus(RETRY_AFTER) : null;
        apply(new RetentionRemovalFailed(upgradeId, step, reason, attempt, retryAt));
        if (retryAt != null) {
            scheduleRemoval(deadlines, step);
        }
    }

    private void scheduleRemoval(DeadlineManager deadlines, Step step) {
        retention.dueAt(step).ifPresent(at -> deadlines.schedule(at, RETENTION, step));
    }

    /**
     * A removal's time has come (on a node): its step is due for the nodes — unless a step of Phase 6 is due or
     * runs already (two deadlines at one time): that step's end decides what comes next.
     */
    @DeadlineHandler(deadlineName = RETENTION)
    void removalDue(Step step) {
        if (inProgress == null && cleanupDue == null && state.status() == UpgradeStatus.COMPLETED
                && retention.pendingSteps().contains(step)) {
            apply(new StepDue(upgradeId, step, ThisProcess.NODES));
        }
    }

    @CommandHandler
    public void handle(CleanUpNow command, DeadlineManager deadlines) {
        new SomethingIsKept(upgradeId, state.status(), retention.pending()).verify();
        if (inProgress != null) {
            new NodesTakeOverFromNodes(upgradeId, runner, command.runner()).verify();
        }
        deadlines.cancelAllWithinScope(RETENTION);
        apply(new CleanupRequested(upgradeId, command.runner()));
        decide(deadlines);
    }

    /** In Phase 0 the pre-flight fails, in a rollback the rollback; otherwise the step, and compensation follows. */
    private void fail(Step step, String reason) {
        switch (state.status()) {
            case PREFLIGHT_RUNNING -> apply(new PreflightFailed(upgradeId, step, reason));
            case ROLLING_BACK -> apply(new RollbackFailed(upgradeId, step, reason, LeftForTheOperator.after(step, rollbackSteps)));
            default -> apply(new StepFailed(upgradeId, step, reason));
        }
    }

    @CommandHandler
    public void handle(InitiateRollback command, DeadlineManager deadlines) {
        new RollbackNeedsAStoppedUpgrade(upgradeId, state.status()).verify();
        new PointOfNoReturn(upgradeId, started.contains(StepKind.START_SERVICE), command.acceptDataLoss()).verify();
        if (state.status() == UpgradeStatus.COMPLETED) {
            new NoStepMayBeInProgress(upgradeId, inProgress).verify(); // a removal of retention's
            new WhatTheRollbackNeedsIsKept(upgradeId, command.mode(), retention).verify();
        }
        new TheOldClusterMustBeUnshared(upgradeId, QUICK.equals(command.mode()), pointOfNoReturnPassed).verify();
        if (!retention.pending().isEmpty()) {
            deadlines.cancelAllWithinScope(RETENTION);
            apply(new RetentionCancelled(upgradeId, "rolled back", retention.pending().stream()
                    .filter(item -> !retention.wasRemoved(item)).map(Object::toString).toList()));
        }
        apply(new RollbackInitiated(upgradeId, command.reason(), failed != null ? failed : lastCompleted,
                command.mode(), false, compensation(command.mode()), command.runner()));
        deadlines.cancelAllWithinScope(WINDOW_OPENS);
        decide(deadlines);
    }

    /**
     * What comes now, decided here and recorded: the step due (for the runner to run), or the pre-flight passed,
     * the gate, the pause, the completion, the automatic compensation of a failed step, the rollback's end. Called
     * after every command that starts, resumes or ends a step; a rest decides nothing.
     */
    private void decide(DeadlineManager deadlines) {
        if (inProgress != null) {
            apply(new StepDue(upgradeId, inProgress, runner)); // resumed: the interrupted step is checked and finished
            return;
        }
        switch (state.status()) {
            case PREFLIGHT_RUNNING -> {
                Step next = nextStep();
                if (next != null) {
                    apply(new StepDue(upgradeId, next, runner));
                } else {
                    apply(new PreflightPassed(upgradeId));
                    decide(deadlines);
                }
            }
            case RUNNING -> proceedAfter(lastCompleted, deadlines);
            case FAILED -> {
                String mode = pointOfNoReturnPassed ? FULL : QUICK;
                apply(new RollbackInitiated(upgradeId, "step " + failed + " failed: " + failure, failed, mode, true,
                        compensation(mode), runner));
                decide(deadlines);
            }
            case ROLLING_BACK -> {
                Step next = nextStep();
                apply(next != null ? new StepDue(upgradeId, next, runner) : new RollbackCompleted(upgradeId));
            }
            case COMPLETED -> retention.dueBy(now()).ifPresent(step -> apply(new StepDue(upgradeId, step, runner)));
            default -> {
                // at rest: a gate, a pause, an end, a failed pre-flight or rollback
            }
        }
    }

    private List<Step> compensation(String mode) {
        return Compensation.stepsFor(started, FULL.equals(mode), plan.upgradesInPlace());
    }

    /**
     * After a step of the run: the next one, unless the run pauses there, the downtime awaits approval or a
     * maintenance window, or all is done.
     */
    private void proceedAfter(Step step, DeadlineManager deadlines) {
        Step next = stepAfter(step).filter(after -> after.phase() != Phase.CLEANUP).orElse(null);
        if (next == null) {
            apply(new UpgradeCompleted(upgradeId));
            apply(retention.schedule(upgradeId, runbook.inPhase(Phase.CLEANUP), now()));
        } else if (pausesBetween(step, next)) {
            apply(new RunPaused(upgradeId, step.number()));
        } else if (new DowntimeNeedsApproval(upgradeId, next, approved).isViolated()) {
            apply(new DowntimeGateReached(upgradeId));
        } else if (next.kind().startsDowntime() && !windows.isEmpty() && !windowReached) {
            awaitWindow(deadlines, GenericEventMessage.clock.instant(), null);
        } else {
            apply(new StepDue(upgradeId, next, runner));
        }
    }

    /**
     * Phase 3 starts now if a window is open with the expected downtime still ahead of its close; else a deadline
     * on the store waits for the next opening that holds it, and the nodes (whichever serves then) start it.
     */
    private void awaitWindow(DeadlineManager deadlines, Instant now, Opening reached) {
        ExpectedDowntime expected = expectedDowntime();
        WindowChoice choice = WindowChoice.choose(windows, now, expected.duration(), reached);
        List<SkippedWindow> skipped = choice.skipped();
        Opening opening = choice.opening();
        if (opening == null) {
            apply(new NoMaintenanceWindowFits(upgradeId, expected.duration(), expected.source(), skipped));
        } else if (!choice.starts().isAfter(now)) {
            apply(new MaintenanceWindowReached(upgradeId, opening.window(), opening.closes(), expected.duration(),
                    expected.source(), skipped));
            apply(new StepDue(upgradeId, nextStep(), runner));
        } else {
            apply(new DowntimeScheduled(upgradeId, opening.window(), opening.opens(), opening.closes(),
                    expected.duration(), expected.source(), skipped, ThisProcess.NODES));
            deadlines.schedule(opening.opens(), WINDOW_OPENS, opening);
        }
    }

    /** The opening a {@link DowntimeScheduled} waits for, on a node: decided again, as things stand now. */
    @DeadlineHandler(deadlineName = WINDOW_OPENS)
    void on(Opening opening, DeadlineManager deadlines) {
        if (state.status() != UpgradeStatus.AWAITING_WINDOW || !opening.equals(awaited)) {
            return; // rolled back meanwhile, or waiting for another opening since
        }
        // a deadline fires once its time has come, whatever this node's clock says (or a test's stub, which lags)
        Instant clock = GenericEventMessage.clock.instant();
        awaitWindow(deadlines, clock.isAfter(opening.opens()) ? clock : opening.opens(), opening);
    }

    /** The downtime a window must hold: the last rehearsal's measured figure, else the estimate from the size. */
    private ExpectedDowntime expectedDowntime() {
        return expectedDowntime != null ? ExpectedDowntime.rehearsed(expectedDowntime)
                : ExpectedDowntime.estimated(baseline, plan.method(), plan.upgradesInPlace());
    }

    /** --until names a phase ("2": pause before Phase 3) or a step ("3.5": pause right after it). */
    private boolean pausesBetween(Step step, Step next) {
        if (until == null) {
            return false;
        }
        if (until.contains(".")) {
            return step.number().equals(until);
        }
        int phase = Integer.parseInt(until);
        return step.phase().number() <= phase && next.phase().number() > phase;
    }

    /**
     * The run's step after this one: once the pre-flight has passed, Phase 1's first, so that a pre-flight passed
     * before a check was added to Phase 0 is not reopened by the run.
     */
    private Optional<Step> stepAfter(Step step) {
        return step.phase() == Phase.PREFLIGHT ? Optional.of(runbook.first(Phase.BACKUP)) : runbook.after(step);
    }

    /** The step the runbook says comes now, or null when none is due (a gate, a pause, an end). */
    private Step nextStep() {
        return switch (state.status()) {
            case PREFLIGHT_RUNNING -> lastCompleted == null || lastCompleted.phase() != Phase.PREFLIGHT
                    ? runbook.first(Phase.PREFLIGHT)
                    : runbook.after(lastCompleted).filter(step -> step.phase() == Phase.PREFLIGHT).orElse(null);
            case RUNNING -> lastCompleted == null ? null : stepAfter(lastCompleted).orElse(null);
            case COMPLETED -> cleanupDue;
            case ROLLING_BACK -> lastRolledBack == null
                    ? rollbackSteps.stream().findFirst().orElse(null)
                    : rollbackSteps.stream().skip(rollbackSteps.indexOf(lastRolledBack) + 1L).findFirst().orElse(null);
            default -> null;
        };
    }

    /**
     * The one event-sourcing handler (Axon calls only the most specific handler of an event): the status moves as
     * the read models see it move, then the facts this aggregate decides with are set.
     */
    @EventSourcingHandler
    void on(UpgradeEvent event) {
        state = state == null ? UpgradeState.PLANNED : state.next(event);
        remember(event);
        retention.apply(event);
        if (event instanceof UpgradePlanned planned) {
            upgradeId = planned.upgradeId();
            runbook = Runbook.of(planned.plan());
            plan = planned.plan();
            windows = planned.plan().maintenanceWindows();
        } else if (event instanceof PreflightStarted preflight) {
            lastCompleted = null;
            runner = preflight.runner();
        } else if (event instanceof RunStarted run) {
            runner = run.runner();
            until = run.until();
        } else if (event instanceof RunResumed run) {
            runner = run.runner();
        } else if (event instanceof DowntimeApproved) {
            approved = true;
        } else if (event instanceof DowntimeScheduled scheduled) {
            runner = scheduled.runner();
            awaited = new Opening(scheduled.window(), scheduled.opensAt(), scheduled.closesAt());
        } else if (event instanceof MaintenanceWindowReached) {
            windowReached = true;
            awaited = null;
        } else if (event instanceof StepStarted stepStarted) {
            inProgress = stepStarted.step();
            started.add(stepStarted.step().kind());
        } else if (event instanceof StepOutcome outcome) {
            completed(outcome.step());
        } else if (event instanceof StepFailed stepFailed) {
            inProgress = null;
            failed = stepFailed.step();
            failure = stepFailed.reason();
        } else if (event instanceof RollbackInitiated rollback) {
            inProgress = null;
            rollbackSteps = rollback.steps();
            lastRolledBack = null;
            runner = rollback.runner();
        } else if (event instanceof PreflightFailed || event instanceof RollbackFailed) {
            inProgress = null;
        } else if (event instanceof RetentionRemovalFailed) {
            inProgress = null;
            cleanupDue = null;
        } else if (event instanceof StepDue due && due.step().phase() == Phase.CLEANUP) {
            cleanupDue = due.step();
            runner = due.runner();
        } else if (event instanceof CleanupRequested requested) {
            runner = requested.runner();
        }
    }

    /** The time of the event being recorded: Axon's clock, which the test fixture moves. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** The facts the verdicts judge by: the baseline of 0.1, the row counts at the fence of 3.1, the rehearsed downtime. */
    private void remember(UpgradeEvent event) {
        if (event instanceof BaselineCaptured captured) {
            baseline = captured.baseline();
        } else if (event instanceof DatabaseFenced fenced) {
            fenceCounts = fenced.tables();
        } else if (event instanceof PointOfNoReturnPassed) {
            pointOfNoReturnPassed = true;
        } else if (event instanceof RehearsalCompleted rehearsed) {
            expectedDowntime = rehearsed.downtime();
        }
    }

    private void completed(Step step) {
        inProgress = null;
        if (step.phase() == Phase.ROLLBACK) {
            lastRolledBack = step;
        } else if (step.phase() == Phase.CLEANUP) {
            cleanupDue = null;
        } else {
            lastCompleted = step;
        }
    }
}
