-- Drafts of role requests: the request form as its author left it, complete or not, valid or not.
-- A draft is no request: it has no status, no route and no audit trail, and only its author reads it.
-- Filing one files an ordinary request (validated then) and removes the draft.
CREATE TABLE request_draft (
    id          UUID PRIMARY KEY,
    author      VARCHAR(128) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    account_id  TEXT         NOT NULL,
    role_name   TEXT         NOT NULL,
    form        JSONB        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The Drafts tab: one author's drafts, last saved first, read by keyset.
CREATE INDEX request_draft_by_author ON request_draft (author, updated_at DESC, id DESC);
