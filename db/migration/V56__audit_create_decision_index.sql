-- The approvals report and the audit page's time to decide per stage read only decisions; this
-- index finds them by time without reading the rest of the trail.
CREATE INDEX audit_event_decisions ON audit_event (occurred_at, event_id) WHERE action = 'request.decision';
