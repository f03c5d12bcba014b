package dev.upshift.orchestrator.ports;

/** The Docker engine did not answer at the address Upshift was given. */
public class EngineUnreachable extends InvalidInput {

    public EngineUnreachable(String host, Throwable cause) {
        super("the Docker engine at " + host + " does not answer; start it or pass --docker-host URL", cause);
    }
}
