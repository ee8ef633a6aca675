package dev.rolecall.policy.analysis;

/** A request's risk level, which routing rules use; from least to most. */
public enum RiskLevel {
    /** Nothing worse than LOW or INFO findings. */
    LOW,
    /** At least one MEDIUM finding. */
    MEDIUM,
    /** At least one HIGH finding. */
    HIGH,
    /** At least one CRITICAL finding. */
    CRITICAL;

    /** The next level up; CRITICAL stays CRITICAL. */
    public RiskLevel raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    /** The risk level a finding's severity stands for (BLOCK is about validity, not risk: LOW). */
    public static RiskLevel of(FindingSeverity severity) {
        return switch (severity) {
            case CRITICAL -> CRITICAL;
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case BLOCK, LOW, INFO -> LOW;
        };
    }
}
