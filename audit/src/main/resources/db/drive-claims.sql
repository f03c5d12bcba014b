-- Who drives each upgrade right now (dev.upshift.audit.drive.DriveClaims): the driver as the operator reads it, and
-- the host and pid of its process; times are epoch milliseconds of the claiming process's clock, as Axon's token
-- claims use the node's clock. Portable between H2 2.x and PostgreSQL.

CREATE TABLE IF NOT EXISTS drive_claim (
    upgrade_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    driver     VARCHAR(300) NOT NULL,
    host       VARCHAR(255) NOT NULL,
    pid        BIGINT       NOT NULL,
    since      BIGINT       NOT NULL,
    renewed    BIGINT       NOT NULL
);
