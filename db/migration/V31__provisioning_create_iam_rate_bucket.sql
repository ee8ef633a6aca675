-- The IAM call budget of each target account (rolecall.provisioning.calls-per-second): one Bucket4j
-- token bucket per account, shared by every console on this database, because IAM's quotas are per
-- account whoever calls. Bucket4j locks a bucket's row (SELECT ... FOR UPDATE) while it spends a token.
--
-- UNLOGGED: a bucket's state is worth nothing after a crash of PostgreSQL (the table is then emptied
-- and every bucket starts full again, as after a quiet second), and a transaction that writes only
-- unlogged tables writes no WAL, so spending a token never waits for a disk flush.
CREATE UNLOGGED TABLE iam_rate_bucket (
    account_id VARCHAR(12) PRIMARY KEY,
    -- Bucket4j's serialised bucket state.
    state      BYTEA
);

GRANT SELECT, INSERT, UPDATE, DELETE ON iam_rate_bucket TO "${runtime_user}";
