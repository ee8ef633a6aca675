package dev.rolecall.request;

/** What a reviewer decided. */
public enum DecisionType {
    /** The request may be applied as it is. */
    APPROVE,
    /** The request is turned down for good. */
    REJECT,
    /** The requester should revise the request and submit it again. */
    REQUEST_CHANGES
}
