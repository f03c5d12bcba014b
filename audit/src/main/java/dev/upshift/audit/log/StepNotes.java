package dev.upshift.audit.log;

import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.BaselineCaptured;
import dev.upshift.orchestrator.api.Bytes;
import dev.upshift.orchestrator.api.CompatibilityChecked;
import dev.upshift.orchestrator.api.DiskSpaceChecked;
import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.ServicesHealthChecked;
import dev.upshift.orchestrator.api.StepOutcome;

/** The notes column of the execution log: what a step saw, in the runbook's own terse style. */
final class StepNotes {

    private StepNotes() {
    }

    static String of(StepOutcome outcome) {
        if (outcome instanceof BaselineCaptured captured) {
            return baseline(captured.baseline());
        }
        if (outcome instanceof DiskSpaceChecked checked) {
            return checked.locations().stream()
                    .map(space -> space.purpose() + ": " + Bytes.human(space.freeBytes()) + " free (needs "
                            + Bytes.human(space.requiredBytes()) + ")")
                    .collect(Collectors.joining("; "));
        }
        if (outcome instanceof ServicesHealthChecked checked) {
            return checked.services().stream()
                    .map(service -> service.service() + " " + state(service))
                    .collect(Collectors.joining(", "));
        }
        if (outcome instanceof CompatibilityChecked checked) {
            return checked.targetImage() + " (" + shortId(checked.imageId()) + ") runs PostgreSQL "
                    + checked.serverVersion() + "; has " + String.join(", ", checked.extensions());
        }
        return "";
    }

    private static String baseline(Baseline baseline) {
        StringBuilder notes = new StringBuilder("PG ").append(baseline.serverVersion().split(" ")[0])
                .append(", ").append(Bytes.human(baseline.databaseSizeBytes()))
                .append(", ").append(baseline.tables().size()).append(" tables");
        for (String table : new String[] {"users", "posts"}) {
            long rows = baseline.rowsOf(table);
            if (rows >= 0) {
                notes.append(", ").append(rows).append(' ').append(table);
            }
        }
        if (baseline.migrationVersion() != null) {
            notes.append(", alembic ").append(baseline.migrationVersion());
        }
        return notes.toString();
    }

    private static String state(ServiceHealth service) {
        return "none".equals(service.health()) ? service.state() : service.health();
    }

    private static String shortId(String imageId) {
        String hex = imageId.replaceFirst("^sha256:", "");
        return "sha256:" + hex.substring(0, Math.min(8, hex.length()));
    }
}
