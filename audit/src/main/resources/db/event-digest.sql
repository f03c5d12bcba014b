-- The digest chain of each upgrade's events (dev.upshift.audit.integrity): written with the events, in their
-- transaction; read by `upshift verify`. The type is kept so that a removed event can still be named. Portable
-- between H2 2.x and PostgreSQL.

CREATE TABLE IF NOT EXISTS event_digest (
    upgrade_id      VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_type      VARCHAR(255) NOT NULL,
    digest          CHAR(64)     NOT NULL,
    PRIMARY KEY (upgrade_id, sequence_number)
);
