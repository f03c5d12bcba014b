package dev.upshift.orchestrator.api.queries;

import java.time.Instant;

/**
 * One event as the audit trail shows it.
 *
 * @param position the event's global index in the store: orders events across upgrades
 * @param sequence the event's number within its upgrade, from 0
 * @param actor the OS user whose command caused the event, or null if it was not recorded
 */
public record AuditEntry(long position, Instant time, String upgradeId, long sequence, String type, String actor,
                         String host, String summary) {
}
