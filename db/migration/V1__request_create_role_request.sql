-- Role requests, their decisions and the IAM calls recorded while applying them.
CREATE TABLE role_request (
    id              UUID PRIMARY KEY,
    requester       VARCHAR(64)  NOT NULL,
    requester_team  VARCHAR(128),
    account_id      VARCHAR(12)  NOT NULL CHECK (account_id ~ '^[0-9]{12}$'),
    role_name       VARCHAR(64)  NOT NULL,
    revision        INT          NOT NULL CHECK (revision >= 1),
    spec            TEXT         NOT NULL,
    justification   TEXT         NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    role_arn        VARCHAR(2048),
    plan_only       BOOLEAN      NOT NULL DEFAULT FALSE,
    failure_code    VARCHAR(256),
    failure_message TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE INDEX role_request_by_requester ON role_request (requester, created_at DESC);
CREATE INDEX role_request_by_status ON role_request (status, created_at DESC);

CREATE TABLE role_request_decision (
    id               UUID PRIMARY KEY,
    request_id       UUID        NOT NULL REFERENCES role_request (id),
    reviewer         VARCHAR(64) NOT NULL,
    decision         VARCHAR(32) NOT NULL,
    decision_comment TEXT,
    revision         INT         NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX role_request_decision_by_request ON role_request_decision (request_id);

CREATE TABLE role_request_apply_step (
    id              UUID PRIMARY KEY,
    request_id      UUID         NOT NULL REFERENCES role_request (id),
    position        INT          NOT NULL,
    call_name       VARCHAR(64)  NOT NULL,
    parameters_json TEXT         NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    error_code      VARCHAR(256),
    error_message   TEXT,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (request_id, position)
);
