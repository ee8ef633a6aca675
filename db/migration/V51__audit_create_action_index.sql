-- The console reads the last recorded routing configuration at start; only those rows are indexed.
CREATE INDEX audit_event_routing_configured ON audit_event (event_id) WHERE action = 'routing.configured';
