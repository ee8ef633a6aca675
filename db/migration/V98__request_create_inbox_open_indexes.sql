-- The inbox's tabs in review read "in review, or applied in an emergency and not yet reviewed"
-- (InboxWhere.OPEN). Indexes on the same predicate let a page or a bounded count walk those requests
-- in a sort's order and stop after a page, where the status-only indexes of V78 could only be
-- combined with the emergency index into a bitmap of every request in review (thousands of rows
-- read for a page of 25 and for a count that stops at 100). The predicate must match the queries' text.
CREATE INDEX role_request_open_by_created ON role_request (created_at, id)
    WHERE status = 'IN_REVIEW' OR (emergency_reason IS NOT NULL AND emergency_review IS NULL);
CREATE INDEX role_request_open_by_due ON role_request (review_due_at, id)
    WHERE status = 'IN_REVIEW' OR (emergency_reason IS NOT NULL AND emergency_review IS NULL);
CREATE INDEX role_request_open_by_risk ON role_request (risk_order, created_at, id)
    WHERE status = 'IN_REVIEW' OR (emergency_reason IS NOT NULL AND emergency_review IS NULL);
