-- The audit page times the latest decisions of one reviewer (its actor filter): this index walks
-- that reviewer's decisions newest first and stops, instead of reading every event of theirs.
CREATE INDEX audit_event_decisions_by_actor ON audit_event (actor, occurred_at, event_id)
    WHERE action = 'request.decision';
