package dev.rolecall.request.inbox;

/** The orders of the inbox; each has an index in its order and a position made of its sort key and the id. */
public enum InboxSort {
    /** Filed longest ago first. */
    OLDEST,
    /** Filed most recently first. */
    NEWEST,
    /** The waiting stage due soonest first; requests with nothing due come last. */
    SLA,
    /** The most severe risk first, then oldest first. */
    RISK
}
