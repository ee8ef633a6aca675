-- When the recurring drift scan last compared an account's managed roles with AWS: each account is
-- scanned at its own interval (rolecall.accounts[n].drift-interval), whichever console runs the job.
CREATE TABLE inventory_drift_scan (
    account_id VARCHAR(12)              PRIMARY KEY CHECK (account_id ~ '^[0-9]{12}$'),
    scanned_at TIMESTAMP WITH TIME ZONE NOT NULL
);
