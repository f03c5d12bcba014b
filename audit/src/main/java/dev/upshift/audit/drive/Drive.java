package dev.upshift.audit.drive;

import java.time.Duration;
import java.time.Instant;

/**
 * This process's claim on one upgrade, held while it drives it: renewed whenever {@link #keepAlive} is called
 * and a renewal is due, given up on {@link #close}.
 */
public final class Drive implements AutoCloseable {

    private final DriveClaims claims;
    private final String upgradeId;
    private final String driver;
    private Instant renewed = Instant.now();

    Drive(DriveClaims claims, String upgradeId, String driver) {
        this.claims = claims;
        this.upgradeId = upgradeId;
        this.driver = driver;
    }

    /** Renews the claim if a renewal is due; cheap to call every 100 ms. */
    public void keepAlive() {
        if (Duration.between(renewed, Instant.now()).compareTo(DriveClaims.RENEWAL) < 0) {
            return;
        }
        if (!claims.renew(upgradeId, driver)) {
            throw new IllegalStateException("another process took over upgrade " + upgradeId + " while " + driver
                    + " was silent for more than " + DriveClaims.EXPIRY.toSeconds() + " s; `upshift status "
                    + upgradeId + "` shows who drives it now");
        }
        renewed = Instant.now();
    }

    @Override
    public void close() {
        claims.release(upgradeId, driver);
    }
}
