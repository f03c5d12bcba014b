package dev.upshift.audit.drive;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.upshift.orchestrator.process.ThisProcess;

/**
 * A process's claim to drive an upgrade: who ("alice, pid 4242 on db-host-1"), its host and pid, since when, and
 * when it last said it was alive.
 */
public record DriveClaim(String upgradeId, String driver, String host, long pid, Instant since, Instant renewed) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** Its process ran on this host and has ended (a kill -9): it renews nothing any more. */
    public boolean endedOnThisHost() {
        return host.equals(ThisProcess.hostName()) && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    /** "upgrade X is driven by alice, pid 4242 on db-host-1 since 2026-11-30 22:05:03 (alive 1 s ago)". */
    public String describe(Instant now) {
        return "upgrade " + upgradeId + " is driven by " + driver + " since " + SHOWN.format(since) + " (alive "
                + Math.max(0, Duration.between(renewed, now).toSeconds()) + " s ago)";
    }
}
