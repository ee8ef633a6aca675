-- Lists of requests are read by keyset, newest (or, in the inbox, oldest) first by (created_at, id):
-- one index per filter with that order, so a page reads only the entries it shows.
-- They replace the indexes of V1, which ordered by created_at alone.
DROP INDEX role_request_by_requester;
DROP INDEX role_request_by_status;

-- Everyone's requests (auditors, admins).
CREATE INDEX role_request_by_created ON role_request (created_at, id);
-- Everyone's requests of one status, and a reviewer's inbox (IN_REVIEW, not their own).
CREATE INDEX role_request_by_status ON role_request (status, created_at, id) INCLUDE (requester);
-- A requester's own requests.
CREATE INDEX role_request_by_requester ON role_request (requester, created_at, id);
-- A requester's own requests of one status.
CREATE INDEX role_request_by_requester_status ON role_request (requester, status, created_at, id);
