-- Signed checkpoints of the audit chain: at a time, the trail held event_count events up to
-- last_event_id, whose hash was last_hash. signature is HMAC-SHA-256 under key_id over these fields
-- (see AuditChain.sign). Exported beside the CSV, a copy kept elsewhere proves later that no event
-- up to there was removed, the last ones included. Append-only, like the trail itself.
CREATE TABLE audit_checkpoint (
    checkpoint_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_event_id BIGINT      NOT NULL,
    event_count   BIGINT      NOT NULL,
    last_hash     BYTEA       NOT NULL CHECK (octet_length(last_hash) = 32),
    key_id        VARCHAR(64) NOT NULL,
    signature     BYTEA       NOT NULL CHECK (octet_length(signature) = 32)
);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoint FROM "${runtime_user}";

CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
