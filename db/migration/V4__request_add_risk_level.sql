-- The policy analysis's risk level for the current revision, and the finding that sets it, so that
-- lists, the inbox and routing can use them without analysing again.
ALTER TABLE role_request
    ADD COLUMN risk_level       VARCHAR(16),
    ADD COLUMN top_finding_code VARCHAR(64);

-- Every revision a requester submitted, so that reviewers can compare revisions.
CREATE TABLE role_request_revision (
    id            UUID PRIMARY KEY,
    request_id    UUID        NOT NULL REFERENCES role_request (id),
    revision      INT         NOT NULL,
    spec          TEXT        NOT NULL,
    justification TEXT        NOT NULL,
    submitted_by  VARCHAR(64) NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (request_id, revision)
);
