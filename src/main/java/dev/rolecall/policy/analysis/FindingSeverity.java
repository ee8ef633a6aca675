package dev.rolecall.policy.analysis;

/** How much a finding matters, from most to least. */
public enum FindingSeverity {
    /** IAM would reject the role or policy: stops submission. */
    BLOCK,
    /** Gives away the account or the role: full admin, privilege escalation, trust to anyone. */
    CRITICAL,
    /** Broad access to sensitive actions, or trust that outsiders may satisfy. */
    HIGH,
    /** Broad access or a condition that does not do what it seems to. */
    MEDIUM,
    /** Hygiene, or broad access with a narrowing condition. */
    LOW,
    /** A suggestion. */
    INFO;

    /** Whether this severity is at least as serious as {@code other}. */
    public boolean isAtLeast(FindingSeverity other) {
        return ordinal() <= other.ordinal();
    }
}
