-- The audit trail: one row per state change, decision, comment, apply call and export.
-- Append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on the table.
CREATE TABLE audit_event (
    -- Assigned in insertion order; the trail's order and the CSV's event_id.
    event_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    actor       VARCHAR(128) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    request_id  UUID,
    account_id  VARCHAR(12),
    role_name   VARCHAR(64),
    -- A JSON object, stored as the text that was written so it reads back byte for byte.
    details     TEXT         NOT NULL DEFAULT '{}' CHECK (details IS JSON OBJECT)
);

CREATE INDEX audit_event_by_time ON audit_event (occurred_at);
CREATE INDEX audit_event_by_actor ON audit_event (actor, event_id);
CREATE INDEX audit_event_by_request ON audit_event (request_id, event_id) WHERE request_id IS NOT NULL;

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

-- Statement-level, so the refusal holds even when no row matches.
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
