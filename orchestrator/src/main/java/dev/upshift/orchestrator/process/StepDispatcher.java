package dev.upshift.orchestrator.process;

import dev.upshift.orchestrator.api.commands.RunStep;
import dev.upshift.orchestrator.api.events.StepDue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Turns the upgrade's decision "this step is due" into "run it", in the process that drives the upgrade. It
 * decides nothing and keeps nothing: what comes next is the aggregate's to decide ({@code Upgrade.decide}).
 */
@Component
@ProcessingGroup(StepDispatcher.PROCESSING_GROUP)
public class StepDispatcher {

    public static final String PROCESSING_GROUP = "Automation_StepDispatcher";

    private final CommandGateway commands;
    private final ThisProcess self;

    public StepDispatcher(CommandGateway commands, ThisProcess self) {
        this.commands = commands;
        this.self = self;
    }

    /**
     * The event is handled inside the transaction that stores it: the step runs once that has committed, so that
     * its handler finds the event in the store.
     */
    @EventHandler
    void on(StepDue due) {
        if (!self.runs(due.runner())) {
            return;
        }
        RunStep run = new RunStep(due.upgradeId(), due.step(), due.runner());
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(committed -> commands.send(run));
        } else {
            commands.send(run);
        }
    }
}
