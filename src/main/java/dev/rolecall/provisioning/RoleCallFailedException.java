package dev.rolecall.provisioning;

/**
 * An IAM call of {@link ManagedRoleCalls} that AWS refused or could not answer, with AWS's code
 * (e.g. {@code AccessDenied}) and message, or {@code NotApplying} for an account Rolecall sends
 * nothing to. The message may be shown to the person who acts on it, escaped.
 */
public class RoleCallFailedException extends RuntimeException {

    private final String code;

    RoleCallFailedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
