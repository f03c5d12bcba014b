package dev.upshift.shell.commands;

import org.springframework.boot.ExitCodeGenerator;

/**
 * Ends a command with output and a non-zero exit code: 1 a step failed, 2 bad input, 3 waiting at a gate.
 * The exception resolver prints the output and hands the code to the launcher.
 */
public class CommandOutcome extends RuntimeException implements ExitCodeGenerator {

    public static final int STEP_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int AT_GATE = 3;

    private final int exitCode;

    public CommandOutcome(int exitCode, String output) {
        super(output, null, false, false);
        this.exitCode = exitCode;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
