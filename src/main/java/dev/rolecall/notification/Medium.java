package dev.rolecall.notification;

/** How a notification travels. */
enum Medium {
    /** One email to the channel's addresses, or to the person. */
    EMAIL,
    /** A JSON POST with a Slack-compatible {@code text} to the channel's webhook. */
    WEBHOOK
}
