package dev.upshift.orchestrator.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepReport;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.FailStep;
import dev.upshift.orchestrator.api.commands.RecordProgress;
import dev.upshift.orchestrator.api.commands.RunStep;
import dev.upshift.orchestrator.api.commands.StartStep;
import dev.upshift.orchestrator.api.events.StepProgress;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a step that is due: records that it started, lets its executor do the I/O, records the
 * outcome or the failure. The aggregate refuses a step that is not due, so a step runs once at a time.
 */
@Component
public class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final Map<StepKind, StepExecutor> executors;
    private final EventStore eventStore;
    private final CommandGateway commands;
    private final Duration progressInterval;

    public StepRunner(List<StepExecutor> executors, EventStore eventStore, CommandGateway commands,
                      @Value("${upshift.progress.interval:PT3S}") Duration progressInterval) {
        this.executors = executors.stream().collect(Collectors.toMap(StepExecutor::kind, Function.identity()));
        this.eventStore = eventStore;
        this.commands = commands;
        this.progressInterval = progressInterval;
    }

    @CommandHandler
    public void handle(RunStep command) {
        Step step = command.step();
        commands.sendAndWait(new StartStep(command.upgradeId(), step, command.runner()));
        StepReport report;
        try {
            report = execute(step, history(command.upgradeId()),
                    new RecordedProgress(commands, command.upgradeId(), progressInterval));
        } catch (RuntimeException failure) {
            // Any failure of the I/O must end the step in the log, or the upgrade would wait forever.
            log.warn("step {} of {} failed", step, command.upgradeId(), failure);
            commands.sendAndWait(new FailStep(command.upgradeId(), step, reason(failure)));
            return;
        }
        commands.sendAndWait(new CompleteStep(command.upgradeId(), report));
    }

    private StepReport execute(Step step, UpgradeHistory history, Progress progress) {
        StepExecutor executor = executors.get(step.kind());
        if (executor == null) {
            throw new StepFailure("Upshift cannot perform step " + step + " yet");
        }
        return executor.execute(step, history, progress);
    }

    private UpgradeHistory history(String upgradeId) {
        return new UpgradeHistory(eventStore.readEvents(upgradeId).asStream().<Object>map(Message::getPayload).toList());
    }

    private static String reason(RuntimeException failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    /** What a step observes while it runs, recorded on its upgrade as it happens. */
    private record RecordedProgress(CommandGateway commands, String upgradeId, Duration interval) implements Progress {

        @Override
        public void record(StepProgress fact) {
            commands.sendAndWait(new RecordProgress(upgradeId, fact));
        }
    }
}
