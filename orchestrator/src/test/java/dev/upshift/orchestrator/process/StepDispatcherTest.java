package dev.upshift.orchestrator.process;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.commands.RunStep;
import dev.upshift.orchestrator.api.events.StepDue;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

/** The process manager only turns a due step into running it, in the process that drives the upgrade. */
class StepDispatcherTest {

    private static final Step FIRST_BACKUP = Runbook.of(SamplePlans.makapix()).first(Phase.BACKUP);

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private final StepDispatcher dispatcher = new StepDispatcher(DefaultCommandGateway.builder().commandBus(bus).build(),
            new ThisProcess(RUNNER));

    @Test
    void givenThisProcessDrivesWhenAStepIsDueThenItRunsTheStepOnceTheEventIsCommitted() {
        DefaultUnitOfWork<?> storing = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("stored"));
        dispatcher.on(new StepDue(UPGRADE_ID, FIRST_BACKUP, RUNNER));

        assertThat(bus.getDispatchedCommands()).as("not before the commit").isEmpty();
        storing.commit();
        assertThat(bus.getDispatchedCommands()).extracting(command -> (Object) command.getPayload())
                .containsExactly(new RunStep(UPGRADE_ID, FIRST_BACKUP, RUNNER));
    }

    @Test
    void givenAnotherProcessDrivesWhenAStepIsDueThenThisOneLeavesItBe() {
        dispatcher.on(new StepDue(UPGRADE_ID, FIRST_BACKUP, "bob, pid 7 on db-host-2"));

        assertThat(bus.getDispatchedCommands()).isEmpty();
    }
}
