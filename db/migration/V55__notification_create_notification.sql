-- Notifications: one row per event per channel, written in the transaction that handled the event.
-- The unique key makes a redelivered event a no-op, so a channel never hears of one event twice.
CREATE TABLE notification (
    id          UUID PRIMARY KEY,
    -- What happened, e.g. 'approved:<request id>:2': one per event, whatever its delivery.
    event_key   VARCHAR(200) NOT NULL,
    -- Who hears of it: a group's channel ('group:security') or a person ('user:alice').
    audience    VARCHAR(100) NOT NULL,
    -- How: EMAIL or WEBHOOK.
    medium      VARCHAR(16)  NOT NULL CHECK (medium IN ('EMAIL', 'WEBHOOK')),
    kind        VARCHAR(32)  NOT NULL,
    request_id  UUID,
    subject     TEXT         NOT NULL,
    body        TEXT         NOT NULL,
    -- Waits for the channel's daily digest instead of going out at once.
    digest      BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    attempts    INT          NOT NULL DEFAULT 0,
    last_error  VARCHAR(500),
    UNIQUE (event_key, audience, medium)
);

-- The daily digest reads what each channel still waits for.
CREATE INDEX notification_digest_pending ON notification (audience, medium, created_at)
    WHERE digest AND sent_at IS NULL;

-- Who filed each request, as told by its first submission: decisions and outcomes go to them.
CREATE TABLE notification_requester (
    request_id UUID PRIMARY KEY,
    requester  VARCHAR(64) NOT NULL
);
