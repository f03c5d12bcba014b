package dev.upshift.audit.drive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.upshift.audit.store.StoreConfiguration.StoreSchema;
import dev.upshift.orchestrator.process.ThisProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Exactly one process drives an upgrade at a time: it claims the upgrade in the store before it sends the command
 * that moves it, renews the claim while it waits for the upgrade to rest, and gives it up then. A claim not renewed
 * for {@link #EXPIRY} belongs to a process that died (or hangs) and may be taken over — as Axon's token claims,
 * a row per claim and the claiming process's clock, so that it works alike on H2 and on PostgreSQL — and so may,
 * at once, one whose process is seen to have ended on this host.
 */
@Component
public class DriveClaims {

    /** Axon's own token claim timeout: how long a silent driver keeps its upgrade. */
    public static final Duration EXPIRY = Duration.ofSeconds(10);
    /** A third of the expiry: two renewals may be late before another process may take over. */
    public static final Duration RENEWAL = EXPIRY.dividedBy(3);

    private static final RowMapper<DriveClaim> CLAIM = (row, number) -> new DriveClaim(row.getString("upgrade_id"),
            row.getString("driver"), row.getString("host"), row.getLong("pid"),
            Instant.ofEpochMilli(row.getLong("since")), Instant.ofEpochMilli(row.getLong("renewed")));
    private static final String HOST = ThisProcess.hostName();
    private static final long PID = ProcessHandle.current().pid();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public DriveClaims(JdbcTemplate jdbc, StoreSchema schema) {
        this(jdbc, Clock.systemUTC());
    }

    DriveClaims(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the upgrade for the driver until the drive is closed.
     *
     * @throws DrivenElsewhere when another driver's claim is alive
     */
    public Drive take(String upgradeId, String driver) {
        claim(upgradeId, driver);
        return new Drive(this, upgradeId, driver);
    }

    /**
     * Claims the upgrade for the driver (this process), or renews the driver's own claim. A claim whose process has
     * ended on this host is taken over at once; one on another host once it has not been renewed for the expiry.
     *
     * @throws DrivenElsewhere when another driver's claim is alive
     */
    public void claim(String upgradeId, String driver) {
        long now = clock.millis();
        int taken = jdbc.update("UPDATE drive_claim SET since = CASE WHEN driver = ? THEN since ELSE ? END, "
                        + "driver = ?, host = ?, pid = ?, renewed = ? WHERE upgrade_id = ? AND (driver = ? OR renewed < ?)",
                driver, now, driver, HOST, PID, now, upgradeId, driver, now - EXPIRY.toMillis());
        if (taken == 1) {
            return;
        }
        try {
            jdbc.update("INSERT INTO drive_claim (upgrade_id, driver, host, pid, since, renewed) VALUES (?, ?, ?, ?, ?, ?)",
                    upgradeId, driver, HOST, PID, now, now);
        } catch (DuplicateKeyException claimedMeanwhile) {
            DriveClaim current = current(upgradeId).orElseThrow(() -> claimedMeanwhile);
            if (!current.endedOnThisHost() || !takeOver(current, driver, now)) {
                throw drivenBy(current);
            }
        }
    }

    /** Compare-and-set on the row as it was read: of two processes taking over the same dead claim, one wins. */
    private boolean takeOver(DriveClaim ended, String driver, long now) {
        return jdbc.update("UPDATE drive_claim SET driver = ?, host = ?, pid = ?, since = ?, renewed = ? "
                        + "WHERE upgrade_id = ? AND driver = ? AND pid = ? AND renewed = ?",
                driver, HOST, PID, now, now, ended.upgradeId(), ended.driver(), ended.pid(),
                ended.renewed().toEpochMilli()) == 1;
    }

    /** Says the driver is still alive; false when its claim was taken over meanwhile. */
    public boolean renew(String upgradeId, String driver) {
        return jdbc.update("UPDATE drive_claim SET renewed = ? WHERE upgrade_id = ? AND driver = ?",
                clock.millis(), upgradeId, driver) == 1;
    }

    public void release(String upgradeId, String driver) {
        jdbc.update("DELETE FROM drive_claim WHERE upgrade_id = ? AND driver = ?", upgradeId, driver);
    }

    /** The claims of the processes that drive an upgrade now. */
    public List<DriveClaim> alive() {
        return jdbc.query("SELECT * FROM drive_claim WHERE renewed >= ? ORDER BY since", CLAIM,
                clock.millis() - EXPIRY.toMillis()).stream().filter(claim -> !claim.endedOnThisHost()).toList();
    }

    private Optional<DriveClaim> current(String upgradeId) {
        return jdbc.query("SELECT * FROM drive_claim WHERE upgrade_id = ?", CLAIM, upgradeId).stream().findFirst();
    }

    private DrivenElsewhere drivenBy(DriveClaim claim) {
        return new DrivenElsewhere(claim.describe(clock.instant()) + "; follow it with `upshift log "
                + claim.upgradeId() + "` or `upshift status " + claim.upgradeId() + "`; if that process is gone, `upshift resume "
                + claim.upgradeId() + "` takes over " + EXPIRY.toSeconds() + " s after it was last alive");
    }
}
