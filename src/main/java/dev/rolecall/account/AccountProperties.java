package dev.rolecall.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Target accounts, configured as {@code rolecall.accounts[n].*}. Credentials come from the AWS SDK
 * default provider chain; see {@link TargetAccount} for each field.
 */
@ConfigurationProperties("rolecall")
@Validated
record AccountProperties(@DefaultValue List<@Valid Account> accounts) {

    record Account(
            @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id")
            String id,

            @NotBlank String name,
            @DefaultValue("sandbox") String environment,
            @DefaultValue("us-east-1") String region,
            @Nullable URI endpoint,

            @Nullable @Pattern(regexp = "arn:aws[a-z-]*:iam::\\d{12}:role/.+")
            String assumeRoleArn,

            @Nullable @Pattern(regexp = "[\\w+=,.@:/-]{2,1224}")
            String externalId,

            @DefaultValue("PLAN_ONLY") ApplyMode mode,
            @DefaultValue("2048") @Min(2048) @Max(4096) int trustPolicySizeLimit,
            @DefaultValue("10") @Min(1) @Max(20) int managedPoliciesPerRole,
            @DefaultValue("false") boolean requirePermissionsBoundary,

            @Nullable @DurationMin(nanos = 1, message = "must be a positive duration, e.g. 15m or 6h")
            Duration driftInterval) {

        TargetAccount toTargetAccount() {
            return new TargetAccount(
                    id,
                    name,
                    environment,
                    region,
                    endpoint,
                    assumeRoleArn,
                    externalId,
                    mode,
                    trustPolicySizeLimit,
                    managedPoliciesPerRole,
                    requirePermissionsBoundary,
                    driftInterval);
        }
    }
}
