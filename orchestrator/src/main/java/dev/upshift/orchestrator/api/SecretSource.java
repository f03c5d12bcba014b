package dev.upshift.orchestrator.api;

/**
 * Where a secret is read at run time — never the secret itself: {@code kind} is "env_file" (a file of
 * KEY=VALUE lines at {@code location}) or "environment" (the compose file's own environment block).
 */
public record SecretSource(String kind, String location, String variable) {

    public static final String ENV_FILE = "env_file";
    public static final String COMPOSE_ENVIRONMENT = "environment";

    @Override
    public String toString() {
        return variable + " from " + kind + " " + location;
    }
}
