-- The audit page, its CSV and the API filter by action, by account and by role as well: one index per
-- filter, in the trail's order (event_id), so a page reads only the events it shows, newest first.
CREATE INDEX audit_event_by_action ON audit_event (action, event_id);
CREATE INDEX audit_event_by_account ON audit_event (account_id, event_id) WHERE account_id IS NOT NULL;
CREATE INDEX audit_event_by_role ON audit_event (role_name, event_id) WHERE role_name IS NOT NULL;
