-- How many attempts each IAM call took, the first included: more than one means the SDK retried
-- it (throttling, a 5xx answer, a network error) before it succeeded or was given up.
ALTER TABLE role_request_apply_step ADD COLUMN attempts INT NOT NULL DEFAULT 1;
