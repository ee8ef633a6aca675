-- Sign-in throttling: one Bucket4j token bucket per attempted user name and per client address,
-- shared by every Rolecall instance that uses this database. Keys are SHA-256 digests of the
-- name or address, never the text someone typed.
CREATE TABLE sign_in_bucket (
    bucket_key VARCHAR(80) PRIMARY KEY,
    -- Bucket4j's serialised bucket state.
    state      BYTEA,
    -- Epoch milliseconds after which the bucket would be full again; the row is then deleted.
    expires_at BIGINT
);

CREATE INDEX sign_in_bucket_by_expiry ON sign_in_bucket (expires_at);
