package dev.rolecall.provisioning;

import dev.rolecall.account.TargetAccount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One test of access to a target account, read-only: STS GetCallerIdentity (who Rolecall is there),
 * then IAM ListRoles for one role (whether IAM answers it). Each call waits its turn in the
 * account's rate limit, like an apply's calls.
 */
final class AccessProbe {

    private static final Logger log = LoggerFactory.getLogger(AccessProbe.class);

    private final TargetAccount account;
    private final IamClient iam;
    private final StsClient sts;
    private final AwsCredentialsProvider caller;
    private final Runnable awaitTurn;

    AccessProbe(
            TargetAccount account, IamClient iam, StsClient sts, AwsCredentialsProvider caller, Runnable awaitTurn) {
        this.account = account;
        this.iam = iam;
        this.sts = sts;
        this.caller = caller;
        this.awaitTurn = awaitTurn;
    }

    AccessCheckResult run() {
        String arn;
        try {
            awaitTurn.run();
            arn = sts.getCallerIdentity(request -> request.overrideConfiguration(o -> o.credentialsProvider(caller)))
                    .arn();
        } catch (SdkException e) {
            return failed(null, "GetCallerIdentity", e);
        }
        try {
            awaitTurn.run();
            iam.listRoles(request -> request.maxItems(1).overrideConfiguration(o -> o.credentialsProvider(caller)));
        } catch (SdkException e) {
            return failed(arn, "ListRoles", e);
        }
        log.info("action=TestAccess account={} outcome=reached caller={}", account.id(), arn);
        return new AccessCheckResult(
                account.id(), AccessCheckResult.Outcome.REACHED, arn, null, null, null, Instant.now());
    }

    private AccessCheckResult failed(@Nullable String arn, String call, SdkException e) {
        IamCallFailedException failure = IamGateway.translate(e);
        boolean noAnswer = failure.code().equals(IamCallFailedException.CLIENT_ERROR);
        AccessCheckResult.Outcome outcome = noAnswer
                ? AccessCheckResult.Outcome.NO_ANSWER
                : arn == null ? AccessCheckResult.Outcome.REFUSED : AccessCheckResult.Outcome.CANNOT_LIST_ROLES;
        if (noAnswer) {
            log.warn("action=TestAccess account={} call={} outcome=no-answer", account.id(), call, e);
        } else {
            log.info("action=TestAccess account={} call={} outcome=failed code={}", account.id(), call, failure.code());
        }
        return new AccessCheckResult(
                account.id(),
                outcome,
                arn,
                call,
                failure.code(),
                noAnswer ? null : failure.getMessage(),
                Instant.now());
    }
}
