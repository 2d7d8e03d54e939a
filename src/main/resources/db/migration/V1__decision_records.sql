-- Every decision the service answered: what was asked, what was answered, by which rules.
-- Portable between PostgreSQL (production) and H2 in PostgreSQL mode (the embedded default).
CREATE TABLE decision (
    id              VARCHAR(40)  PRIMARY KEY,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    framework       VARCHAR(100) NOT NULL,
    ruleset_version VARCHAR(80)  NOT NULL,
    store_commit    VARCHAR(40),
    service         VARCHAR(300),
    outcome         VARCHAR(100) NOT NULL,
    latency_micros  BIGINT       NOT NULL,
    client          VARCHAR(200) NOT NULL,
    request         TEXT         NOT NULL,
    response        TEXT         NOT NULL
);

CREATE INDEX decision_by_framework_time ON decision (framework, recorded_at);
CREATE INDEX decision_by_client_time ON decision (client, recorded_at);
CREATE INDEX decision_by_time ON decision (recorded_at);
