package dev.rolecall.policy.analysis;

/**
 * What a finding is about. The permission categories follow cloudsplaining's headings, which the
 * findings panel groups by.
 */
public enum FindingCategory {
    PRIVILEGE_ESCALATION("Privilege escalation"),
    RESOURCE_EXPOSURE("Resource exposure"),
    DATA_EXFILTRATION("Data exfiltration"),
    INFRASTRUCTURE_MODIFICATION("Infrastructure modification"),
    CREDENTIALS_EXPOSURE("Credentials exposure"),
    /** Stopping or blinding logging and threat detection. */
    DEFENCE_EVASION("Defence evasion"),
    SERVICE_WILDCARD("Service wildcard"),
    /** Who may assume the role. */
    TRUST("Trust"),
    /** Conditions that do not do what they seem to. */
    CONDITIONS("Conditions"),
    /** Grammar, quotas and formats IAM enforces. */
    VALIDITY("Validity"),
    /** Typos, unknown names, redundancy: the policy works, but not as well as it could. */
    HYGIENE("Hygiene");

    private final String label;

    FindingCategory(String label) {
        this.label = label;
    }

    /** The heading shown to people. */
    public String label() {
        return label;
    }

    /** Whether findings of this category are security checks (the findings panel's Security tab). */
    public boolean isSecurity() {
        return this != VALIDITY && this != HYGIENE;
    }
}
