package dev.upshift.orchestrator.api;

import java.time.Instant;

/** An opening of a maintenance window that the downtime did not take, and why ("lasts 0s, …"). */
public record SkippedWindow(String window, Instant opens, Instant closes, String reason) {
}
