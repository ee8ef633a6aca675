package dev.rolecall.account;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * An AWS account roles can be requested in.
 *
 * @param id the 12-digit account id
 * @param name a human name, e.g. {@code payments-prod}
 * @param environment e.g. sandbox, dev, staging, prod
 * @param region the region the SDK clients use (IAM itself is global)
 * @param endpoint an IAM endpoint override, e.g. a moto server; {@code null} for AWS
 * @param assumeRoleArn a provisioner role in the account to assume, or {@code null} to use the
 *     default credentials directly
 * @param externalId the external id the provisioner role's trust policy requires, if any
 * @param mode whether approved requests are applied or only planned
 */
public record TargetAccount(
        String id,
        String name,
        String environment,
        String region,
        @Nullable URI endpoint,
        @Nullable String assumeRoleArn,
        @Nullable String externalId,
        ApplyMode mode) {

    public boolean applies() {
        return mode == ApplyMode.APPLY;
    }
}
