-- The role list by expiry (expires before a moment, soonest first) reads the live roles in
-- (expires_at, id) order: everyone's list from the first index, a team's (a requester's) from the
-- second. The expiry sweep reads the first one too, so the older index on expires_at alone goes.
-- The predicate must match the queries' text: state IN ('ACTIVE', 'IMPORTED', 'EXPIRING', 'DRIFTED').
CREATE INDEX managed_role_live_by_expiry ON managed_role (expires_at, id)
    WHERE expires_at IS NOT NULL AND state IN ('ACTIVE', 'IMPORTED', 'EXPIRING', 'DRIFTED');
CREATE INDEX managed_role_live_by_team_expiry ON managed_role (owner_team, expires_at, id)
    WHERE expires_at IS NOT NULL AND state IN ('ACTIVE', 'IMPORTED', 'EXPIRING', 'DRIFTED');
DROP INDEX managed_role_by_expiry;
