-- The inbox sorts requests in review by time left (SLA), by age or by risk, and filters them by account,
-- environment, risk, kind, requester, finding code and text; each sort reads an index in its order.

-- When the stage the current revision waits on is due, while the request is in review; 'infinity' when
-- nothing is due (no route, no waiting stage, or not in review), so that those sort last and a position
-- in the list is always a value. Kept by the triggers below from role_request_stage, whichever of the
-- request and its stages is written last in a transaction.
ALTER TABLE role_request ADD COLUMN review_due_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT 'infinity';

-- Most severe first: CRITICAL 0, HIGH 1, MEDIUM 2, LOW 3, not analysed 4.
ALTER TABLE role_request ADD COLUMN risk_order SMALLINT GENERATED ALWAYS AS (
    CASE risk_level WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END
) STORED;

CREATE FUNCTION role_request_review_due(request UUID, current_revision INT, current_status VARCHAR)
    RETURNS TIMESTAMP WITH TIME ZONE LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN current_status <> 'IN_REVIEW' THEN 'infinity'::timestamptz
                ELSE coalesce((SELECT min(s.due_at) FROM role_request_stage s
                               WHERE s.request_id = request AND s.revision = current_revision
                                 AND s.opened_at IS NOT NULL AND s.passed_at IS NULL), 'infinity') END
$$;

CREATE FUNCTION role_request_set_review_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.review_due_at := role_request_review_due(NEW.id, NEW.revision, NEW.status);
    RETURN NEW;
END
$$;

CREATE TRIGGER role_request_review_due BEFORE INSERT OR UPDATE ON role_request
    FOR EACH ROW EXECUTE FUNCTION role_request_set_review_due();

-- A stage that opens, passes or changes its due time updates its request (whose trigger above
-- computes the value).
CREATE FUNCTION role_request_stage_touch_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE role_request SET review_due_at = 'infinity' WHERE id = NEW.request_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER role_request_stage_review_due AFTER INSERT OR UPDATE OF opened_at, passed_at, due_at
    ON role_request_stage FOR EACH ROW EXECUTE FUNCTION role_request_stage_touch_request();

UPDATE role_request SET review_due_at = 'infinity' WHERE status = 'IN_REVIEW';

-- The inbox's tabs in review, one index per sort (oldest and newest first use role_request_by_status).
CREATE INDEX role_request_review_by_due ON role_request (review_due_at, id) WHERE status = 'IN_REVIEW';
CREATE INDEX role_request_review_by_risk ON role_request (risk_order, created_at, id) WHERE status = 'IN_REVIEW';
-- The selective filters, in the default (age) order.
CREATE INDEX role_request_review_by_account ON role_request (account_id, created_at, id) WHERE status = 'IN_REVIEW';
CREATE INDEX role_request_review_by_finding ON role_request (top_finding_code, created_at, id)
    WHERE status = 'IN_REVIEW';

-- How many requests wait on a person's groups (the nav's count): the waiting stages of those groups.
CREATE INDEX role_request_stage_waiting_groups ON role_request_stage USING gin (reviewer_groups)
    WHERE opened_at IS NOT NULL AND passed_at IS NULL;

-- "Decided by me": the requests a reviewer decided on, found from their decisions.
CREATE INDEX role_request_decision_by_reviewer ON role_request_decision (reviewer, request_id)
    WHERE decision <> 'COMMENT';
