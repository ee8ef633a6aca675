package dev.rolecall.request;

/** What a request does to its role. */
public enum RequestKind {
    CREATE,
    CHANGE,
    DELETE,
    IMPORT
}
