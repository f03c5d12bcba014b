package dev.upshift.shell.commands;

import dev.upshift.audit.store.InvalidStoreSetting;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.upgrade.rules.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.stereotype.Component;

/** Every failure becomes one clear line and an exit code; stack traces go to the log file only. */
@Component
public class ErrorResolver implements CommandExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(ErrorResolver.class);

    private final String logFile;

    public ErrorResolver(@Value("${logging.file.name}") String logFile) {
        this.logFile = logFile;
    }

    @Override
    public CommandHandlingResult resolve(Exception failure) {
        if (failure instanceof CommandOutcome outcome) {
            return CommandHandlingResult.of(outcome.getMessage() + "\n", outcome.getExitCode());
        }
        if (failure instanceof InvalidInput || failure instanceof RuleViolation || failure instanceof InvalidStoreSetting) {
            return CommandHandlingResult.of("upshift: " + failure.getMessage() + "\n", CommandOutcome.BAD_INPUT);
        }
        if (failure instanceof AggregateNotFoundException) {
            return CommandHandlingResult.of("upshift: no such upgrade; `upshift list` shows the upgrades in the store\n",
                    CommandOutcome.BAD_INPUT);
        }
        log.error("command failed", failure);
        return CommandHandlingResult.of("upshift: " + FailureLine.of(failure) + " (details in " + logFile + ")\n",
                CommandOutcome.STEP_FAILED);
    }
}
