package dev.rolecall.notification;

/**
 * What a notification tells; each has a subject and a body in {@code messages.properties}
 * ({@code notification.<key>.subject}, {@code notification.<key>.body}).
 */
enum NoticeKind {
    /** A request waits for a decision from the group. */
    REVIEW_NEEDED("review"),
    /** A reviewer asked the requester for a new revision. */
    CHANGES_REQUESTED("changes"),
    /** The request was approved; applying it starts. */
    APPROVED("approved"),
    /** Plan-only account: the IAM calls were recorded and nothing was sent to AWS. */
    PLANNED("planned"),
    /** The role exists in AWS as approved. */
    APPLIED("applied"),
    /** An IAM call failed; the requester may retry or roll back. */
    FAILED("failed"),
    /** A stage's review took longer than its SLA; the escalation group is told. */
    SLA_PASSED("sla"),
    /** A role's expiry is near; its requester may ask for an extension. */
    EXPIRING_SOON("expiring"),
    /** A role was revoked at its expiry. */
    EXPIRED("expired"),
    /** An emergency request was applied at once by break-glass; the group reviews it after the fact. */
    EMERGENCY_REVIEW("emergency");

    private final String key;

    NoticeKind(String key) {
        this.key = key;
    }

    String subjectKey() {
        return "notification." + key + ".subject";
    }

    String bodyKey() {
        return "notification." + key + ".body";
    }

    /** The first part of the event key, e.g. {@code approved}. */
    String key() {
        return key;
    }
}
