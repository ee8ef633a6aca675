-- The policy analysis of each submitted revision, stored when the revision is filed so that the request
-- page reads it instead of analysing again on every view. catalog_version names the reference data
-- (IAM action catalog, AWS managed policies, target account settings) it was computed with: when those
-- change, the next view analyses the revision again and replaces the row. Revisions filed before this
-- table existed are analysed on their first view and stored then.
CREATE TABLE role_request_analysis (
    request_id      UUID         NOT NULL REFERENCES role_request (id) ON DELETE CASCADE,
    revision        INT          NOT NULL CHECK (revision >= 1),
    catalog_version VARCHAR(256) NOT NULL,
    analysis        TEXT         NOT NULL,
    analysed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, revision)
);
