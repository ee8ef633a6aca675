-- Break-glass: a request filed as an emergency applies at once, approved by the system, and opens a
-- mandatory review after the fact. emergency_reason is the filer's reason (NULL for every other
-- request); emergency_review is how that review ended, NULL while it waits.
ALTER TABLE role_request ADD COLUMN emergency_reason TEXT
    CHECK (emergency_reason IS NULL OR length(emergency_reason) BETWEEN 1 AND 1000);
ALTER TABLE role_request ADD COLUMN emergency_review VARCHAR(16)
    CHECK (emergency_review IS NULL OR (emergency_reason IS NOT NULL AND emergency_review IN ('CONFIRMED', 'REVOKED')));

-- Emergencies whose review after the fact still waits: the inbox lists them beside requests in review.
CREATE INDEX role_request_emergency_open ON role_request (created_at, id)
    WHERE emergency_reason IS NOT NULL AND emergency_review IS NULL;
