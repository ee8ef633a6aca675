-- The role inventory: one row per role Rolecall applied or adopted, with the spec it last applied,
-- and the history of what happened to it. Kept by listening to request events; existing applied
-- requests are recorded below.
CREATE TABLE managed_role (
    id               UUID PRIMARY KEY,
    account_id       VARCHAR(12)   NOT NULL CHECK (account_id ~ '^[0-9]{12}$'),
    role_name        VARCHAR(64)   NOT NULL,
    role_arn         VARCHAR(2048),
    owner_team       VARCHAR(128),
    spec             TEXT          NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    imported         BOOLEAN       NOT NULL DEFAULT FALSE,
    expires_at       TIMESTAMP WITH TIME ZONE,
    risk_level       VARCHAR(16),
    top_finding_code VARCHAR(64),
    last_request_id  UUID,
    live_spec        TEXT,
    last_read_at     TIMESTAMP WITH TIME ZONE,
    drift            TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (account_id, role_name)
);

-- Lists are read by keyset in (account_id, role_name) order: the unique constraint's index serves
-- everyone's list and one account's; these serve a team's roles and one state.
CREATE INDEX managed_role_by_team ON managed_role (owner_team, account_id, role_name);
CREATE INDEX managed_role_by_state ON managed_role (state, account_id, role_name);
-- The expiry sweep reads the roles that expire, soonest first.
CREATE INDEX managed_role_by_expiry ON managed_role (expires_at) WHERE expires_at IS NOT NULL;

-- What happened to each role: the requests applied to it, adoption, expiry, drift found and resolved.
CREATE TABLE managed_role_event (
    id          BIGSERIAL PRIMARY KEY,
    role_id     UUID         NOT NULL REFERENCES managed_role (id),
    request_id  UUID,
    kind        VARCHAR(32)  NOT NULL,
    actor       VARCHAR(128) NOT NULL,
    detail      TEXT,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A request is recorded once per role, however often its event is delivered.
CREATE UNIQUE INDEX managed_role_event_once_per_request ON managed_role_event (role_id, request_id)
    WHERE request_id IS NOT NULL;
CREATE INDEX managed_role_event_by_role ON managed_role_event (role_id, occurred_at);

-- Every role an applied request made (or deleted): the latest applied request of each account and name.
INSERT INTO managed_role (id, account_id, role_name, role_arn, owner_team, spec, state, expires_at,
                          risk_level, top_finding_code, last_request_id, created_at, updated_at)
SELECT DISTINCT ON (r.account_id, r.role_name)
       gen_random_uuid(), r.account_id, r.role_name, r.role_arn, r.requester_team, r.spec,
       CASE r.kind WHEN 'DELETE' THEN 'DELETED' ELSE 'ACTIVE' END,
       CASE jsonb_typeof(r.spec::jsonb -> 'expiresAt')
           WHEN 'string' THEN (r.spec::jsonb ->> 'expiresAt')::timestamptz
           WHEN 'number' THEN to_timestamp((r.spec::jsonb ->> 'expiresAt')::double precision)
       END,
       r.risk_level, r.top_finding_code, r.id, r.updated_at, r.updated_at
FROM role_request r
WHERE r.status = 'APPLIED'
ORDER BY r.account_id, r.role_name, r.updated_at DESC;

INSERT INTO managed_role_event (role_id, request_id, kind, actor, occurred_at)
SELECT m.id, r.id, 'APPLIED', r.requester, r.updated_at
FROM role_request r
JOIN managed_role m ON m.account_id = r.account_id AND m.role_name = r.role_name
WHERE r.status = 'APPLIED';

GRANT SELECT, INSERT, UPDATE, DELETE ON managed_role, managed_role_event TO "${runtime_user}";
GRANT USAGE, SELECT ON SEQUENCE managed_role_event_id_seq TO "${runtime_user}";
