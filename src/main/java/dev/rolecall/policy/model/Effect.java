package dev.rolecall.policy.model;

/** A statement's Effect. */
public enum Effect {
    /** The statement grants what it matches. */
    ALLOW,
    /** The statement forbids what it matches; an explicit deny wins over every allow. */
    DENY;

    /** The spelling in policy JSON: {@code Allow} or {@code Deny}. */
    public String json() {
        return this == ALLOW ? "Allow" : "Deny";
    }
}
