-- Everyone who has signed in through the OpenID Connect provider, as last seen: the roles their
-- groups mapped to, their team and their groups. Updated on each sign-in; the admin's people page
-- reads it, and approval routing may read the groups.
CREATE TABLE sso_person (
    -- The name Rolecall knows the person by (the configured username claim): the actor in the
    -- audit trail and the owner of their requests.
    username            VARCHAR(128)             PRIMARY KEY,
    -- The provider's issuer and its stable subject for the person: a name seen again with another
    -- subject is refused, so nobody takes over a name by renaming themselves at the provider.
    issuer              VARCHAR(512)             NOT NULL,
    subject             VARCHAR(255)             NOT NULL,
    display_name        VARCHAR(256),
    email               VARCHAR(320),
    team                VARCHAR(128),
    roles               TEXT[]                   NOT NULL,
    groups              TEXT[]                   NOT NULL,
    first_signed_in_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_signed_in_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sso_person_subject UNIQUE (issuer, subject)
);
