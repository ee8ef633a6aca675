package dev.rolecall.provisioning;

/**
 * An IAM or STS call failed for good: AWS refused it, or it could not be sent at all, after the
 * SDK's retries. Carries what requesters and reviewers are shown.
 */
class IamCallFailedException extends RuntimeException {

    /** The code of a call that never got an answer from AWS, e.g. an unreachable endpoint. */
    static final String CLIENT_ERROR = "ClientError";

    private final String code;
    private final int attempts;

    IamCallFailedException(String code, String message, Throwable cause) {
        this(code, message, cause, 1);
    }

    IamCallFailedException(String code, String message, Throwable cause, int attempts) {
        super(message, cause);
        this.code = code;
        this.attempts = attempts;
    }

    /** How many attempts the SDK made before giving up, the first included. */
    int attempts() {
        return attempts;
    }

    /** The AWS error code, e.g. {@code EntityAlreadyExists}, or {@link #CLIENT_ERROR}. */
    String code() {
        return code;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? code : message;
    }
}
