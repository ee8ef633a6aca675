package dev.rolecall.provisioning;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an admin's test of access to a target account found.
 *
 * @param accountId the account tested
 * @param outcome how far Rolecall got
 * @param callerArn who Rolecall is in the account (STS GetCallerIdentity), once reached
 * @param failedCall the call that failed ({@code GetCallerIdentity} or {@code ListRoles}), if one did
 * @param errorCode the AWS error code of the failed call; {@code ClientError} when AWS never answered
 * @param errorMessage the AWS error message of the failed call; never Rolecall's own exception text
 * @param checkedAt when the test ended
 */
public record AccessCheckResult(
        String accountId,
        Outcome outcome,
        @Nullable String callerArn,
        @Nullable String failedCall,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        Instant checkedAt)
        implements Serializable {

    /** How far an access test got. */
    public enum Outcome {
        /** Rolecall knows who it is in the account, and listing roles works. */
        REACHED,
        /** Rolecall reached the account, but IAM refused to list its roles. */
        CANNOT_LIST_ROLES,
        /** AWS refused: the credentials, the provisioner role or its external id are not accepted. */
        REFUSED,
        /** No answer from AWS: network, DNS, TLS or missing credentials (details in the log). */
        NO_ANSWER
    }
}
