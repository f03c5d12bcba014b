package dev.upshift.orchestrator.api.queries;

import java.time.Instant;

/**
 * Every event of the store in the order it was stored, as a list of {@link AuditEntry}; each filter is
 * optional (null): one upgrade, a time window ({@code since} and {@code until} inclusive), an event type
 * (its simple name) and the OS user who caused it.
 */
public record FindAuditTrail(String upgradeId, Instant since, Instant until, String type, String actor) {

    public static FindAuditTrail of(String upgradeId) {
        return new FindAuditTrail(upgradeId, null, null, null, null);
    }
}
