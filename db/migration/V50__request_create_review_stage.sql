-- The route a revision takes through review, fixed when the revision is submitted: its stages in
-- order, each "approvals_needed of these groups' members" with an SLA. A new revision gets new stages;
-- the stages of earlier revisions stay as history.
CREATE TABLE role_request_stage (
    id               UUID PRIMARY KEY,
    request_id       UUID        NOT NULL REFERENCES role_request (id),
    revision         INT         NOT NULL,
    position         INT         NOT NULL CHECK (position >= 1),
    reviewer_groups  TEXT[]      NOT NULL,
    approvals_needed INT         NOT NULL CHECK (approvals_needed >= 1),
    sla_seconds      BIGINT      NOT NULL CHECK (sla_seconds > 0),
    escalation_group VARCHAR(64),
    opened_at        TIMESTAMP WITH TIME ZONE,
    due_at           TIMESTAMP WITH TIME ZONE,
    passed_at        TIMESTAMP WITH TIME ZONE,
    overdue_at       TIMESTAMP WITH TIME ZONE,
    UNIQUE (request_id, revision, position)
);

-- The SLA job reads the open stages whose time has run out, and nothing else.
CREATE INDEX role_request_stage_due ON role_request_stage (due_at)
    WHERE passed_at IS NULL AND overdue_at IS NULL AND due_at IS NOT NULL;

-- The rule that gave the current revision its route; NULL for the default route or for requests
-- filed before routing.
ALTER TABLE role_request ADD COLUMN route_rule VARCHAR(64);

-- The stage an approval counted towards; NULL for other decisions and for approvals before routing.
ALTER TABLE role_request_decision ADD COLUMN stage INT;
