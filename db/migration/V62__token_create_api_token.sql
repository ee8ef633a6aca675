-- API tokens for pipelines. Only the SHA-256 of a token is stored (the token is 256 random bits,
-- so a fast hash is enough and no token can be read back); the prefix names it in lists and logs.
CREATE TABLE api_token (
    token_id          UUID PRIMARY KEY,
    owner             VARCHAR(128) NOT NULL,
    name              VARCHAR(64)  NOT NULL,
    prefix            VARCHAR(16)  NOT NULL UNIQUE,
    secret_hash       BYTEA        NOT NULL UNIQUE CHECK (octet_length(secret_hash) = 32),
    scopes            VARCHAR(128) NOT NULL,
    created_by        VARCHAR(128) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revoked_by        VARCHAR(128),
    last_used_at      TIMESTAMP WITH TIME ZONE,
    last_used_address VARCHAR(64)
);

CREATE INDEX api_token_by_owner ON api_token (owner, created_at);

-- The client addresses each token was used from, so that a use from a new one is audited once.
CREATE TABLE api_token_address (
    token_id   UUID        NOT NULL REFERENCES api_token (token_id),
    address    VARCHAR(64) NOT NULL,
    first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (token_id, address)
);
