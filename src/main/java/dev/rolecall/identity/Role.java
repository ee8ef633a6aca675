package dev.rolecall.identity;

/** What a person may do in Rolecall. Every signed-in person is also a {@link #REQUESTER}. */
public enum Role {
    /** Files role requests and follows their own. */
    REQUESTER,
    /** Decides on requests filed by others. */
    REVIEWER,
    /** Reads everything and exports the audit trail. */
    AUDITOR,
    /** Manages accounts and configuration; reads everything. */
    ADMIN;

    /** The Spring Security authority of this role, {@code ROLE_ADMIN} for {@link #ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
