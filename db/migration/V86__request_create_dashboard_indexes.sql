-- The dashboard's figures read only their time window: decisions of the last 30 days by when they
-- were made, and requests of the last 12 weeks by when they were filed, each with the columns the
-- figures need so that the index alone answers.
CREATE INDEX role_request_decision_by_time ON role_request_decision (decided_at)
    INCLUDE (request_id, revision, decision);

CREATE INDEX role_request_by_created_outcome ON role_request (created_at) INCLUDE (status, risk_level);
