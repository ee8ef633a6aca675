package dev.rolecall.policy;

/** Which grammar a policy document follows. */
public enum PolicyKind {
    /** Attached to a role: Action and Resource, no Principal. */
    IDENTITY,
    /** A role's trust policy: Principal and Action, no Resource. */
    TRUST,
    /** A permissions boundary: an identity policy that caps what the role can do. */
    BOUNDARY
}
