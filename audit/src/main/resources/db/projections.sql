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
    PRIMARY KEY (upgrade_id)
);
