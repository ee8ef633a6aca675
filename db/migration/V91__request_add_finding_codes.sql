-- Every finding code of the current revision's policy analysis, not only the top one, so that the
-- inbox's finding filter matches a request with that finding anywhere in its analysis. Written with
-- the risk level whenever a revision is assessed; distinct and sorted.
ALTER TABLE role_request ADD COLUMN finding_codes TEXT[] NOT NULL DEFAULT '{}';

-- Requests filed before: the codes of the current revision's stored analysis (JSON), else the top
-- finding alone (a revision whose analysis was never stored, or is unreadable).
UPDATE role_request r
SET finding_codes = coalesce(
        (SELECT array_agg(DISTINCT f.finding ->> 'code' ORDER BY f.finding ->> 'code')
         FROM role_request_analysis a,
              jsonb_array_elements(CASE WHEN jsonb_typeof(a.analysis::jsonb -> 'findings') = 'array'
                                        THEN a.analysis::jsonb -> 'findings' ELSE '[]'::jsonb END) AS f(finding)
         WHERE a.request_id = r.id AND a.revision = r.revision AND pg_input_is_valid(a.analysis, 'jsonb')
           AND f.finding ->> 'code' IS NOT NULL),
        CASE WHEN r.top_finding_code IS NULL THEN '{}'::text[] ELSE ARRAY[r.top_finding_code]::text[] END);

-- The inbox's finding filter (finding_codes @> ARRAY[code]) on requests in review, beside the partial
-- index of emergencies waiting for their review after the fact (V75). The top finding's index (V78)
-- served the filter before and has no reader left.
CREATE INDEX role_request_review_finding_codes ON role_request USING gin (finding_codes)
    WHERE status = 'IN_REVIEW';
DROP INDEX role_request_review_by_finding;
