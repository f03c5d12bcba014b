package dev.upshift.orchestrator.upgrade;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.upshift.orchestrator.api.CompleteStep;
import dev.upshift.orchestrator.api.FailStep;
import dev.upshift.orchestrator.api.PassPreflight;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.PlanUpgrade;
import dev.upshift.orchestrator.api.PreflightFailed;
import dev.upshift.orchestrator.api.PreflightPassed;
import dev.upshift.orchestrator.api.PreflightStarted;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.StartPreflight;
import dev.upshift.orchestrator.api.StartStep;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepOutcome;
import dev.upshift.orchestrator.api.StepStarted;
import dev.upshift.orchestrator.api.UpgradePlanned;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.upgrade.rules.NoStepMayBeInProgress;
import dev.upshift.orchestrator.upgrade.rules.OutcomeMatchesTheStepInProgress;
import dev.upshift.orchestrator.upgrade.rules.PhaseIsComplete;
import dev.upshift.orchestrator.upgrade.rules.PreflightRunsBeforeTheUpgrade;
import dev.upshift.orchestrator.upgrade.rules.StepsFollowTheRunbook;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One upgrade of one database. It decides whether a command is legal in the upgrade's state and records
 * the decision; the I/O happens in the step executors. Its event stream's sequence is the lock that keeps
 * two processes from running the same upgrade.
 */
@Aggregate
public class Upgrade {

    @AggregateIdentifier
    private String upgradeId;
    private Runbook runbook;
    private UpgradeStatus status;
    private Step inProgress;
    private Step lastCompleted;

    protected Upgrade() {
        // for event sourcing
    }

    @CommandHandler
    public Upgrade(PlanUpgrade command) {
        apply(new UpgradePlanned(command.upgradeId(), command.plan()));
    }

    @CommandHandler
    public void handle(StartPreflight command) {
        new NoStepMayBeInProgress(upgradeId, inProgress).verify();
        new PreflightRunsBeforeTheUpgrade(upgradeId, status).verify();
        apply(new PreflightStarted(upgradeId));
    }

    @CommandHandler
    public void handle(StartStep command) {
        new StepsFollowTheRunbook(nextStep(), inProgress, command.step()).verify();
        apply(new StepStarted(upgradeId, command.step()));
    }

    @CommandHandler
    public void handle(CompleteStep command) {
        new OutcomeMatchesTheStepInProgress(inProgress, command.outcome().step()).verify();
        apply(command.outcome());
    }

    @CommandHandler
    public void handle(FailStep command) {
        new OutcomeMatchesTheStepInProgress(inProgress, command.step()).verify();
        apply(new PreflightFailed(upgradeId, command.step(), command.reason()));
    }

    @CommandHandler
    public void handle(PassPreflight command) {
        Step lastCheck = runbook.inPhase(Phase.PREFLIGHT).get(runbook.inPhase(Phase.PREFLIGHT).size() - 1);
        new PhaseIsComplete(Phase.PREFLIGHT, lastCheck, lastCompleted).verify();
        apply(new PreflightPassed(upgradeId));
    }

    private Step nextStep() {
        if (status != UpgradeStatus.PREFLIGHT_RUNNING) {
            return null;
        }
        return lastCompleted == null ? runbook.first(Phase.PREFLIGHT) : runbook.after(lastCompleted)
                .filter(step -> step.phase() == Phase.PREFLIGHT)
                .orElse(null);
    }

    @EventSourcingHandler
    void on(UpgradePlanned event) {
        upgradeId = event.upgradeId();
        runbook = Runbook.of(event.plan());
        status = UpgradeStatus.PLANNED;
    }

    @EventSourcingHandler
    void on(PreflightStarted event) {
        status = UpgradeStatus.PREFLIGHT_RUNNING;
        lastCompleted = null;
    }

    @EventSourcingHandler
    void on(StepStarted event) {
        inProgress = event.step();
    }

    @EventSourcingHandler
    void on(StepOutcome event) {
        inProgress = null;
        lastCompleted = event.step();
    }

    @EventSourcingHandler
    void on(PreflightFailed event) {
        inProgress = null;
        status = UpgradeStatus.PREFLIGHT_FAILED;
    }

    @EventSourcingHandler
    void on(PreflightPassed event) {
        status = UpgradeStatus.PREFLIGHT_PASSED;
    }
}
