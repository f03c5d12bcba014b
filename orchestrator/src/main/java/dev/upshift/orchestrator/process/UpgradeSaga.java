package dev.upshift.orchestrator.process;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.upshift.orchestrator.api.CompleteRollback;
import dev.upshift.orchestrator.api.CompleteUpgrade;
import dev.upshift.orchestrator.api.DowntimeApproved;
import dev.upshift.orchestrator.api.InitiateRollback;
import dev.upshift.orchestrator.api.PassPreflight;
import dev.upshift.orchestrator.api.PauseRun;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.PreflightPassed;
import dev.upshift.orchestrator.api.PreflightStarted;
import dev.upshift.orchestrator.api.RollbackCompleted;
import dev.upshift.orchestrator.api.RollbackFailed;
import dev.upshift.orchestrator.api.RollbackInitiated;
import dev.upshift.orchestrator.api.RunResumed;
import dev.upshift.orchestrator.api.RunStarted;
import dev.upshift.orchestrator.api.RunStep;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepFailed;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepOutcome;
import dev.upshift.orchestrator.api.UpgradeCompleted;
import dev.upshift.orchestrator.api.UpgradePlanned;
import dev.upshift.orchestrator.api.WaitAtGate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Drives an upgrade through its runbook: on each event it decides which step comes next — or a gate, a
 * pause, the end, or the compensation — and asks for it. It never does I/O itself. It handles each event in the
 * process that stored it, in the same transaction (its state is a row of the store), so it never re-runs history.
 * A passed or failed pre-flight, the approval gate and a pause are rests, not ends: the saga lives until the
 * upgrade completes or is rolled back. Only the process that started or resumed the run (its {@code runner})
 * asks for steps: another process that stores an event of the upgrade (an {@code approve}) leaves them be.
 */
@Saga
@ProcessingGroup(UpgradeSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UpgradeSaga {

    public static final String PROCESSING_GROUP = "Automation_UpgradeSaga";
    private static final String UPGRADE_ID = "upgradeId";
    private static final String QUICK = "quick";

    private Runbook runbook;
    private String runner;
    private boolean running;
    private boolean approved;
    private String until;
    private Step lastCompleted;
    private String failure;
    private List<Step> rollbackSteps;
    private Step lastRolledBack;

    @StartSaga
    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(UpgradePlanned event) {
        runbook = Runbook.of(event.plan());
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(PreflightStarted event, CommandGateway commands, ThisProcess self) {
        lastCompleted = null;
        runner = event.runner();
        if (self.runs(runner)) {
            send(commands, new RunStep(event.upgradeId(), runbook.first(Phase.PREFLIGHT)));
        }
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(DowntimeApproved event) {
        approved = true;
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(RunStarted event, CommandGateway commands, ThisProcess self) {
        running = true;
        runner = event.runner();
        until = event.until();
        if (preflightPassed() && self.runs(runner)) {
            proceedAfter(event.upgradeId(), lastCompleted, commands);
        }
        // otherwise the pre-flight starts first, and PreflightPassed continues the run
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(StepOutcome event, CommandGateway commands, ThisProcess self) {
        Step step = event.step();
        if (step.phase() == Phase.ROLLBACK) {
            lastRolledBack = step;
        } else {
            lastCompleted = step;
        }
        if (!self.runs(runner)) {
            return;
        }
        if (step.phase() == Phase.ROLLBACK) {
            rollBackAfter(event.upgradeId(), step, commands);
        } else if (runbook.isLastOf(Phase.PREFLIGHT, step)) {
            send(commands, new PassPreflight(event.upgradeId()));
        } else {
            proceedAfter(event.upgradeId(), step, commands);
        }
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(PreflightPassed event, CommandGateway commands, ThisProcess self) {
        if (running && self.runs(runner)) {
            proceedAfter(event.upgradeId(), lastCompleted, commands);
        }
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(RunResumed event, CommandGateway commands, ThisProcess self) {
        running = true;
        runner = event.runner();
        if (!self.runs(runner)) {
            return;
        }
        if (event.inProgress() != null) {
            send(commands, new RunStep(event.upgradeId(), event.inProgress()));
        } else if (rollbackSteps != null) {
            rollBackAfter(event.upgradeId(), lastRolledBack, commands);
        } else if (failure != null) {
            send(commands, new InitiateRollback(event.upgradeId(), failure, QUICK, true, false, runner));
        } else if (lastCompleted != null) {
            proceedAfter(event.upgradeId(), lastCompleted, commands);
        }
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(StepFailed event, CommandGateway commands, ThisProcess self) {
        failure = "step " + event.step() + " failed: " + event.reason();
        if (self.runs(runner)) {
            send(commands, new InitiateRollback(event.upgradeId(), failure, QUICK, true, false, runner));
        }
    }

    @StartSaga
    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(RollbackInitiated event, CommandGateway commands, ThisProcess self) {
        rollbackSteps = event.steps();
        lastRolledBack = null;
        runner = event.runner();
        if (self.runs(runner)) {
            rollBackAfter(event.upgradeId(), null, commands);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(UpgradeCompleted event) {
        // the upgrade is over; a rollback requested later starts a saga of its own
    }

    @EndSaga
    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(RollbackCompleted event) {
        // the stack serves on the old version again
    }

    @EndSaga
    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(RollbackFailed event) {
        // what is left is the operator's, as the event says
    }

    /**
     * The saga handles the events inside the transaction that stores them: the command it sends runs once they
     * are committed, so that its handler finds them in the store.
     */
    private static void send(CommandGateway commands, Object command) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(committed -> commands.send(command));
        } else {
            commands.send(command);
        }
    }

    /** --until names a phase ("2": pause before Phase 3) or a step ("3.5": pause right after it). */
    private boolean pausesAfter(Step step, Step next) {
        if (until == null) {
            return false;
        }
        if (until.contains(".")) {
            return step.number().equals(until);
        }
        int phase = Integer.parseInt(until);
        return step.phase().number() <= phase && next.phase().number() > phase;
    }

    private boolean preflightPassed() {
        return lastCompleted != null
                && (lastCompleted.phase() != Phase.PREFLIGHT || runbook.isLastOf(Phase.PREFLIGHT, lastCompleted));
    }

    /** The compensating step after the given one (the first after null), or the end of the rollback. */
    private void rollBackAfter(String upgradeId, Step step, CommandGateway commands) {
        int next = step == null ? 0 : rollbackSteps.indexOf(step) + 1;
        send(commands, next < rollbackSteps.size()
                ? new RunStep(upgradeId, rollbackSteps.get(next))
                : new CompleteRollback(upgradeId));
    }

    /** After a step: the next one, unless the run pauses there, the downtime awaits approval, or all is done. */
    private void proceedAfter(String upgradeId, Step step, CommandGateway commands) {
        Step next = runbook.after(step).orElse(null);
        if (next == null || next.phase() == Phase.CLEANUP) {
            running = false;
            send(commands, new CompleteUpgrade(upgradeId));
        } else if (pausesAfter(step, next)) {
            running = false;
            send(commands, new PauseRun(upgradeId, step.number()));
        } else if (next.kind() == StepKind.STOP_DEPENDENTS && !approved) {
            running = false;
            send(commands, new WaitAtGate(upgradeId));
        } else {
            send(commands, new RunStep(upgradeId, next));
        }
    }
}
