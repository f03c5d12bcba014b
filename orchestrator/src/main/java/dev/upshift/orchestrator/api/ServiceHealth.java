package dev.upshift.orchestrator.api;

/**
 * A compose service's container as Docker reports it.
 *
 * @param health Docker's health status ("healthy", "unhealthy", "starting"), or "none" without a health check
 */
public record ServiceHealth(String service, String container, String state, String health) {

    public boolean serving() {
        return "running".equals(state) && ("healthy".equals(health) || "none".equals(health));
    }
}
