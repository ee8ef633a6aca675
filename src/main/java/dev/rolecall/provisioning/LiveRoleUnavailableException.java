package dev.rolecall.provisioning;

/**
 * The live role could not be read; the message says why in words a requester or reviewer can act
 * on, and {@link #reason()} says which case it is.
 */
public class LiveRoleUnavailableException extends RuntimeException {

    /** Why a role could not be read. */
    public enum Reason {
        /** The account is not one of Rolecall's target accounts. */
        UNKNOWN_ACCOUNT,
        /** The account is plan-only: Rolecall makes no call to AWS there, reads included. */
        PLAN_ONLY,
        /** AWS refused the read, or could not be reached, after the SDK's retries. */
        AWS_ERROR
    }

    private final Reason reason;
    private final String message;

    LiveRoleUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
        this.message = message;
    }

    LiveRoleUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.message = message;
    }

    /** Why, in words. */
    @Override
    public String getMessage() {
        return message;
    }

    public Reason reason() {
        return reason;
    }
}
