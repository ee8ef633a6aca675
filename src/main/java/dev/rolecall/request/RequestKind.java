package dev.rolecall.request;

/** What a request asks to do with its role. */
public enum RequestKind {
    /** Create a role that does not exist yet. */
    CREATE,
    /** Change an existing role Rolecall manages into the requested spec. */
    CHANGE,
    /** Delete an existing role Rolecall manages. */
    DELETE,
    /** Record a role that exists in AWS as one Rolecall manages, without changing it. */
    IMPORT
}
