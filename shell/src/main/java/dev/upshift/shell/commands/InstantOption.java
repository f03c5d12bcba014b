package dev.upshift.shell.commands;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.upshift.orchestrator.ports.InvalidInput;

/** Options that take a point in time: an ISO-8601 instant in UTC, as the audit trail prints them in JSON. */
final class InstantOption {

    private InstantOption() {
    }

    /** @return null when the option was not given */
    static Instant parse(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            throw new InvalidInput(option + " takes an ISO-8601 instant such as 2026-11-28T23:10:00Z, not '" + value + "'");
        }
    }
}
