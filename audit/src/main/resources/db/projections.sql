-- The read models' tables; portable between H2 2.x and PostgreSQL, created idempotently on every start.

CREATE TABLE IF NOT EXISTS execution_log (
    upgrade_id  VARCHAR(64)  NOT NULL,
    step_number VARCHAR(8)   NOT NULL,
    position    INTEGER      NOT NULL,
    title       VARCHAR(200) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    ended_at    TIMESTAMP WITH TIME ZONE,
    status      VARCHAR(16)  NOT NULL,
    notes       VARCHAR,
    PRIMARY KEY (upgrade_id, step_number)
);

CREATE TABLE IF NOT EXISTS upgrade_status (
    upgrade_id   VARCHAR(64)  NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    run_active   BOOLEAN      NOT NULL,
    project      VARCHAR(200) NOT NULL,
    service      VARCHAR(200) NOT NULL,
    source_image VARCHAR(300) NOT NULL,
    target_image VARCHAR(300) NOT NULL,
    method       VARCHAR(32)  NOT NULL,
    stop_order   VARCHAR(500) NOT NULL,
    planned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    current_step VARCHAR(200),
    last_failure VARCHAR,
    baseline     VARCHAR,
    -- added after the first release: see AddedColumns
    current_image   VARCHAR(300),
    current_version VARCHAR(100),
    runner          VARCHAR(300),
    engine          VARCHAR(300),
    expected_downtime_millis BIGINT,
    windows                  VARCHAR,
    downtime_window          VARCHAR(300),
    downtime_starts_at       TIMESTAMP WITH TIME ZONE,
    window_closes_at         TIMESTAMP WITH TIME ZONE,
    expected_downtime_ms     BIGINT,
    expected_downtime_source VARCHAR(20),
    PRIMARY KEY (upgrade_id)
);

-- Every event of every upgrade; position is the event's global index in the store.
CREATE TABLE IF NOT EXISTS audit_trail (
    upgrade_id      VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    position        BIGINT       NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    actor           VARCHAR(200),
    host            VARCHAR(255),
    summary         VARCHAR      NOT NULL,
    PRIMARY KEY (upgrade_id, sequence_number)
);
CREATE INDEX IF NOT EXISTS audit_trail_by_position ON audit_trail (position);
CREATE INDEX IF NOT EXISTS audit_trail_by_time ON audit_trail (occurred_at);
CREATE INDEX IF NOT EXISTS audit_trail_by_type ON audit_trail (event_type, occurred_at);
CREATE INDEX IF NOT EXISTS audit_trail_by_actor ON audit_trail (actor, occurred_at);

-- The runbook's status tables: each component's status at the end of each moment of an upgrade.
CREATE TABLE IF NOT EXISTS component_status (
    upgrade_id         VARCHAR(64)  NOT NULL,
    moment_position    INTEGER      NOT NULL,
    moment             VARCHAR(100) NOT NULL,
    moment_started     TIMESTAMP WITH TIME ZONE NOT NULL,
    component_position INTEGER      NOT NULL,
    component          VARCHAR(200) NOT NULL,
    status             VARCHAR(64)  NOT NULL,
    experience         VARCHAR      NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (upgrade_id, moment_position, component)
);

-- One row per upgrade: versions, times, downtime and rollback, all from event times.
CREATE TABLE IF NOT EXISTS upgrade_summary (
    upgrade_id         VARCHAR(64)  NOT NULL,
    project            VARCHAR(200) NOT NULL,
    method             VARCHAR(32)  NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    run_active         BOOLEAN      NOT NULL,
    source_version     VARCHAR(100),
    target_version     VARCHAR(100),
    data_volume        VARCHAR(300),
    new_volume         VARCHAR(300),
    started_at         TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE,
    downtime_started   TIMESTAMP WITH TIME ZONE,
    downtime_ended     TIMESTAMP WITH TIME ZONE,
    down_since         TIMESTAMP WITH TIME ZONE,
    downtime_millis    BIGINT       NOT NULL,
    last_event_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    rollback_reason    VARCHAR,
    failed_step        VARCHAR(200),
    rollback_started   TIMESTAMP WITH TIME ZONE,
    rollback_ended     TIMESTAMP WITH TIME ZONE,
    rolled_back        BOOLEAN      NOT NULL,
    PRIMARY KEY (upgrade_id)
);
