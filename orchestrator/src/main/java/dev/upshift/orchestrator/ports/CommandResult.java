package dev.upshift.orchestrator.ports;

/** What a command run in a container printed, and how it ended. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
