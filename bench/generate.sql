-- Fills a Rolecall database with :requests role requests (each with its revision, and a decision
-- when one was taken) and :events audit events, through plain SQL the console reads like its own rows.
-- Run as the schema owner (rolecall_owner) against a migrated database, e.g. with bench/generate.sh:
--   psql -v requests=100000 -v events=1000000 -v chain_key=<base64> -v chain_key_id=<id> -f bench/generate.sql
-- chain_key and chain_key_id are the console's audit chain key (the embedded database's key file).
-- Requests go to the plan-only demo account 111122223333; 15 % are alice's, 5 % are IN_REVIEW
-- (bob's inbox), the rest are spread over 500 other requesters and the other statuses.
\set ON_ERROR_STOP on
\timing on

BEGIN;

CREATE TEMP TABLE bench_request ON COMMIT DROP AS
SELECT gen_random_uuid() AS id,
       i,
       CASE WHEN i % 20 < 3 THEN 'alice' WHEN i % 20 = 3 THEN 'frank' ELSE 'eng' || (i % 500) END AS requester,
       CASE WHEN i % 20 < 3 THEN 'payments' ELSE 'data' END AS team,
       'bench-role-' || i AS role_name,
       CASE WHEN i % 20 = 5 THEN 'IN_REVIEW'
            WHEN i % 20 = 6 THEN 'REJECTED'
            WHEN i % 20 = 7 THEN 'WITHDRAWN'
            WHEN i % 20 = 8 THEN 'CHANGES_REQUESTED'
            WHEN i % 20 = 9 THEN 'FAILED'
            WHEN i % 40 = 10 THEN 'APPROVED'
            WHEN i % 20 < 3 AND i % 7 = 0 THEN 'IN_REVIEW'
            ELSE 'APPLIED' END AS status,
       (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + (i % 4)] AS risk_level,
       now() - make_interval(secs => (:requests - i) * 300) AS created_at
FROM generate_series(1, :requests) AS i;

-- A spec of about 1 KB: trust policy, one managed policy, one inline policy, tags.
CREATE TEMP TABLE bench_spec ON COMMIT DROP AS
SELECT id,
       json_build_object(
           'accountId', '111122223333',
           'roleName', role_name,
           'path', '/bench/',
           'description', 'Generated role ' || i || ' for the volume benchmark',
           'trustPolicy', json_build_object('Version', '2012-10-17', 'Statement', json_build_array(json_build_object(
               'Effect', 'Allow', 'Principal', json_build_object('Service', 'lambda.amazonaws.com'),
               'Action', 'sts:AssumeRole'))),
           'managedPolicyArns', json_build_array('arn:aws:iam::aws:policy/ReadOnlyAccess'),
           'inlinePolicies', json_build_object('bucket-access', json_build_object('Version', '2012-10-17',
               'Statement', json_build_array(json_build_object(
                   'Sid', 'ReadBucket', 'Effect', 'Allow',
                   'Action', json_build_array('s3:GetObject', 's3:ListBucket'),
                   'Resource', json_build_array('arn:aws:s3:::bench-bucket-' || (i % 100),
                                                'arn:aws:s3:::bench-bucket-' || (i % 100) || '/*'))))),
           'permissionsBoundaryArn', NULL,
           'maxSessionDurationSeconds', 3600,
           'tags', json_build_object('team', team, 'cost-center', 'cc-' || (i % 50)),
           'expiresAt', NULL)::text AS spec
FROM bench_request;

INSERT INTO role_request (id, requester, requester_team, account_id, role_name, revision, spec, justification,
                          status, role_arn, plan_only, created_at, updated_at, version,
                          risk_level, top_finding_code, risk_reason)
SELECT r.id, r.requester, r.team, '111122223333', r.role_name, 1, s.spec,
       'Needed for the nightly export job of ticket OPS-' || r.i, r.status,
       CASE WHEN r.status = 'APPLIED' THEN 'arn:aws:iam::111122223333:role/bench/' || r.role_name END,
       r.status = 'APPLIED', r.created_at, r.created_at + interval '2 hours', 3,
       r.risk_level, CASE WHEN r.risk_level IN ('HIGH', 'CRITICAL') THEN 'BROAD_READ' END, NULL
FROM bench_request r JOIN bench_spec s USING (id);

INSERT INTO role_request_revision (id, request_id, revision, spec, justification, submitted_by, submitted_at)
SELECT gen_random_uuid(), r.id, 1, s.spec, 'Needed for the nightly export job of ticket OPS-' || r.i,
       r.requester, r.created_at
FROM bench_request r JOIN bench_spec s USING (id);

INSERT INTO role_request_decision (id, request_id, reviewer, decision, decision_comment, revision, decided_at)
SELECT gen_random_uuid(), id, CASE WHEN i % 2 = 0 THEN 'bob' ELSE 'erin' END,
       CASE status WHEN 'REJECTED' THEN 'REJECT' WHEN 'CHANGES_REQUESTED' THEN 'REQUEST_CHANGES' ELSE 'APPROVE' END,
       CASE status WHEN 'REJECTED' THEN 'Too broad' WHEN 'CHANGES_REQUESTED' THEN 'Narrow the bucket' END,
       1, created_at + interval '1 hour'
FROM bench_request
WHERE status IN ('APPLIED', 'APPROVED', 'FAILED', 'REJECTED', 'CHANGES_REQUESTED');

-- Audit events, oldest first: actors, actions and the requests they concern cycle through the generated ones.
-- One in seven is a reviewer's decision and one in seven a review stage opening, as a routed review
-- records them, so the audit page's time to decide per stage reads a trail with about 143,000 decisions.
-- They are appended as a valid hash chain under the console's key (chain.sql), so verification and the
-- audit page run on chained data. Times are whole milliseconds, as the console stores them.
CREATE TEMP TABLE bench_event ON COMMIT DROP AS
SELECT e AS seq,
       date_trunc('milliseconds', now() - make_interval(secs => (:events - e) * 30)) AS occurred_at,
       (ARRAY['alice','bob','erin','frank','dave','carol','rolecall','eng7','eng42','eng99'])[1 + (e % 10)] AS actor,
       (ARRAY['request.submitted','request.stage_opened','request.decision','request.approved','request.applied',
              'request.commented','identity.signed_in'])[1 + (e % 7)] AS action,
       CASE WHEN e % 7 = 6 THEN NULL ELSE r.id END AS request_id,
       CASE WHEN e % 7 = 6 THEN NULL ELSE '111122223333' END AS account_id,
       CASE WHEN e % 7 = 6 THEN NULL ELSE r.role_name END AS role_name,
       CASE e % 7 WHEN 6 THEN '{"address":"127.0.0.1"}'
                  WHEN 1 THEN '{"stage":1}'
                  WHEN 2 THEN '{"revision":1,"decision":"APPROVE"}'
                  ELSE '{"revision":1}' END AS details
FROM generate_series(1, :events) AS e
LEFT JOIN bench_request r ON r.i = 1 + (e % :requests);

\ir chain.sql
SELECT pg_temp.rolecall_append_chained(decode(:'chain_key', 'base64'), :'chain_key_id') AS chained_events;

COMMIT;

-- As autovacuum would leave them after a while: statistics, and a visibility map that lets counts
-- and keyset pages read their indexes only.
VACUUM (ANALYZE) role_request;
VACUUM (ANALYZE) role_request_revision;
VACUUM (ANALYZE) role_request_decision;
VACUUM (ANALYZE) audit_event;
