-- The running console connects as a login role that owns nothing (spring.datasource.username, the
-- placeholder runtime_user); these migrations run as the schema's owner (spring.flyway.user), which
-- alone may change tables, triggers or ownership.
GRANT SELECT, INSERT, UPDATE, DELETE
    ON role_request, role_request_decision, role_request_apply_step, role_request_revision, event_publication
    TO "${runtime_user}";

-- The audit trail is append-only: the console may read and add rows, never change or remove them.
GRANT SELECT, INSERT ON audit_event TO "${runtime_user}";

-- Tables and sequences that later migrations create (as the owner running this one) get the same
-- everyday grants; a table that must be append-only revokes UPDATE and DELETE in its own migration.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${runtime_user}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO "${runtime_user}";
