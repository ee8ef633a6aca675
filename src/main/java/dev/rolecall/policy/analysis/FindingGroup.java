package dev.rolecall.policy.analysis;

import java.util.Locale;

/**
 * The groups of the findings panel, as the AWS policy validator groups its findings, in the order
 * the panel shows them.
 */
public enum FindingGroup {
    /** IAM would reject the role: submission stops until they are fixed. */
    BLOCKING("Blocking", "Blocking — stops submit"),
    /** CRITICAL, HIGH and MEDIUM findings about what the role can do or who can use it. */
    SECURITY("Security", "Security"),
    /** Everything else that is not a suggestion: LOW findings, validity and hygiene. */
    WARNINGS("Warnings", "Warnings"),
    /** INFO findings. */
    SUGGESTIONS("Suggestions", "Suggestions");

    private final String tab;
    private final String heading;

    FindingGroup(String tab, String heading) {
        this.tab = tab;
        this.heading = heading;
    }

    /** The group a finding belongs to. */
    public static FindingGroup of(PolicyFinding finding) {
        return switch (finding.severity()) {
            case BLOCK -> BLOCKING;
            case INFO -> SUGGESTIONS;
            case LOW -> WARNINGS;
            case CRITICAL, HIGH, MEDIUM -> finding.category().isSecurity() ? SECURITY : WARNINGS;
        };
    }

    /** The group's short name, on its tab. */
    public String tab() {
        return tab;
    }

    /** The group's heading above its findings. */
    public String heading() {
        return heading;
    }

    /** The id of the group's section in the page, which its tab links to. */
    public String anchor() {
        return "findings-" + name().toLowerCase(Locale.ROOT);
    }
}
