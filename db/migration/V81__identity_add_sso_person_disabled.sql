-- An admin may disable a person who signs in through the provider: they can no longer sign in to
-- Rolecall and their API tokens stop at once, whatever the provider still says about them.
ALTER TABLE sso_person
    ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN disabled_by VARCHAR(128);
