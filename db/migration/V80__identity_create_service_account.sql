-- Service accounts: principals for pipelines that are not a person. They never sign in to pages;
-- they act only through the API tokens admins create for them, within the roles given here (never
-- ADMIN). Each names the person responsible for it. Disabling one stops its tokens at once.
CREATE TABLE service_account (
    -- The name the account acts under: the actor in the audit trail and the owner of its tokens and
    -- of the requests it files. Never a local user's or an SSO person's name.
    username     VARCHAR(128)             PRIMARY KEY,
    description  VARCHAR(512)             NOT NULL,
    roles        TEXT[]                   NOT NULL
        CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['REQUESTER', 'REVIEWER', 'AUDITOR']),
    team         VARCHAR(128),
    -- Reviewer groups (routing groups) the account is meant to act in.
    groups       TEXT[]                   NOT NULL,
    -- The person responsible for the account.
    owner        VARCHAR(128)             NOT NULL,
    created_by   VARCHAR(128)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled_at  TIMESTAMP WITH TIME ZONE,
    disabled_by  VARCHAR(128)
);
