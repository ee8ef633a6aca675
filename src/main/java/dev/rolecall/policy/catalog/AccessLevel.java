package dev.rolecall.policy.catalog;

/** IAM's access level of an action, as the Service Authorization Reference classifies it. */
public enum AccessLevel {
    /** Lists resources without reading their content. */
    LIST("List"),
    /** Reads resource content or configuration. */
    READ("Read"),
    /** Creates, changes or deletes resources. */
    WRITE("Write"),
    /** Grants or changes permissions: resource policies, IAM entities, ACLs. */
    PERMISSIONS_MANAGEMENT("Permissions management"),
    /** Changes tags only. */
    TAGGING("Tagging");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    /** The label IAM uses, e.g. {@code Permissions management}. */
    public String label() {
        return label;
    }

    /** The level for an IAM label, case-insensitively. */
    public static AccessLevel ofLabel(String label) {
        for (AccessLevel level : values()) {
            if (level.label.equalsIgnoreCase(label.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown access level " + label);
    }
}
