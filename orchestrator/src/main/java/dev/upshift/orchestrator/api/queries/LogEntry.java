package dev.upshift.orchestrator.api.queries;

import java.time.Instant;

/** One row of an upgrade's execution log, as the runbook's table has it. */
public record LogEntry(String step, String title, Instant started, Instant ended, String status, String notes) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
