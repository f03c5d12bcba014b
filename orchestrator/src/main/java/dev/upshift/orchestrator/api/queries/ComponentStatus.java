package dev.upshift.orchestrator.api.queries;

import dev.upshift.orchestrator.api.Phase;
import java.time.Instant;

/**
 * One row of the runbook's "Expected Website Behavior" tables, as observed: a component's status at the end of
 * a moment of the upgrade (or now, for the moment under way).
 *
 * @param moment e.g. "Before upgrade", "During Phase 3.1-3.2 (services stopping)", "After Phase 5"
 * @param momentStarted when the first event of that moment happened
 * @param component "site" (the stack as a user sees it), a dependent's service name, or "database"
 * @param status an icon and a word, as in the runbook: "✅ Online", "❌ Stopped", "⚠️ Fenced", "🔄 Starting"
 * @param since when the event that set this status happened
 */
public record ComponentStatus(String moment, Instant momentStarted, String component, String status,
                              String experience, Instant since) {

    public static final String SITE = "site";
    public static final String DATABASE = "database";
}
