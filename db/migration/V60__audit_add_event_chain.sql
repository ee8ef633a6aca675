-- The audit trail's hash chain. Each event carries the hash of the event before it (prev_hash) and
-- its own hash: HMAC-SHA-256, under the key named by chain_key_id, over prev_hash and a canonical
-- form of the event (see AuditChain). The key is never stored in the database, so whoever can
-- change rows here cannot forge hashes that verify.
ALTER TABLE audit_event
    ADD COLUMN chain_key_id VARCHAR(64),
    ADD COLUMN prev_hash    BYTEA CHECK (octet_length(prev_hash) = 32),
    ADD COLUMN hash         BYTEA CHECK (octet_length(hash) = 32);

-- Two events may never follow the same event: a second writer that read a stale tail fails here
-- instead of forking the chain.
CREATE UNIQUE INDEX audit_event_chain_link ON audit_event (prev_hash);

-- The latest verification of the chain, for the audit page.
CREATE INDEX audit_event_verifications ON audit_event (event_id) WHERE action = 'audit.verified';

-- Appending takes the next event id before the row exists (it is part of the hash).
GRANT USAGE ON SEQUENCE audit_event_event_id_seq TO "${runtime_user}";
