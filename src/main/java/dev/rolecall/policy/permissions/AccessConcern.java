package dev.rolecall.policy.permissions;

/**
 * Why a reviewer should read an allowed action before the rest: the kinds of access the request page
 * leads with, most dangerous first. An action belongs to the first concern that applies to it.
 */
public enum AccessConcern {
    /** The action completes a known privilege-escalation method, or passes any role to a service. */
    PRIVILEGE_ESCALATION(
            "Privilege escalation",
            "Lets the role give itself, or a role it controls, more access than it was granted."),
    /** The action changes who may do what: IAM entities, resource policies, grants. */
    PERMISSIONS_MANAGEMENT("Permissions management", "Changes who may access resources."),
    /** The action returns credentials, tokens or passwords. */
    CREDENTIALS_EXPOSURE("Credential exposure", "Returns credentials, tokens or passwords."),
    /** A write action that may be done on every resource of its kind. */
    WRITE_ON_EVERY_RESOURCE("Writes on every resource (*)", "Creates, changes or deletes any resource of its kind."),
    /** A read of secrets or stored data that may be done on every resource of its kind. */
    DATA_READ_ON_EVERY_RESOURCE(
            "Data reads on every resource (*)", "Reads the content of any secret, object or table.");

    private final String label;
    private final String why;

    AccessConcern(String label, String why) {
        this.label = label;
        this.why = why;
    }

    /** The heading shown to people. */
    public String label() {
        return label;
    }

    /** One sentence on why it matters. */
    public String why() {
        return why;
    }
}
