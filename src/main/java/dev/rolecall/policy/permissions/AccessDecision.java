package dev.rolecall.policy.permissions;

/** The outcome of evaluating a request against a role's policies, as AWS decides it. */
public enum AccessDecision {
    /** Every policy layer that applies allows the request and none denies it. */
    ALLOWED,
    /** A statement with "Effect": "Deny" in some layer matches the request; nothing can override it. */
    EXPLICITLY_DENIED,
    /** No statement denies, but some required layer has no statement that allows: denied by default. */
    IMPLICITLY_DENIED
}
