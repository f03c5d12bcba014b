package dev.upshift.orchestrator.process;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.upshift.orchestrator.api.PassPreflight;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.PreflightStarted;
import dev.upshift.orchestrator.api.RunStep;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.StepOutcome;
import dev.upshift.orchestrator.api.UpgradePlanned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Drives an upgrade through its runbook: on each event it decides which step comes next and asks the step
 * runner for it. It never does I/O itself, and its processor starts at the head of the stream so that it
 * never re-runs history. It lives as long as the upgrade: a passed or failed pre-flight is a gate, not an end.
 */
@Saga
@ProcessingGroup(UpgradeSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UpgradeSaga {

    public static final String PROCESSING_GROUP = "Automation_UpgradeSaga";
    private static final String UPGRADE_ID = "upgradeId";

    private Runbook runbook;

    @StartSaga
    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(UpgradePlanned event) {
        runbook = Runbook.of(event.plan());
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(PreflightStarted event, CommandGateway commands) {
        commands.send(new RunStep(event.upgradeId(), runbook.first(Phase.PREFLIGHT)));
    }

    @SagaEventHandler(associationProperty = UPGRADE_ID)
    public void on(StepOutcome event, CommandGateway commands) {
        if (runbook.isLastOf(Phase.PREFLIGHT, event.step())) {
            commands.send(new PassPreflight(event.upgradeId()));
        } else {
            commands.send(new RunStep(event.upgradeId(), runbook.after(event.step()).orElseThrow()));
        }
    }
}
