-- A role is adopted once: at most one IMPORT request for a role is open (filed, in review, approved
-- or being applied) at a time. The service refuses a second one on its field; this index holds the
-- rule when two admins file at the same moment.
CREATE UNIQUE INDEX role_request_one_open_import ON role_request (account_id, role_name)
    WHERE kind = 'IMPORT' AND status IN ('SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'APPLYING');
