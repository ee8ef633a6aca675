package dev.rolecall.provisioning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Rolecall calls AWS, as {@code rolecall.provisioning.*}. Target accounts themselves are
 * configured under {@code rolecall.accounts}.
 *
 * @param maxAttempts attempts per IAM or STS call, the first included; throttling, 5xx answers and
 *     network errors are retried with exponential backoff and jitter
 * @param retryBaseDelay the backoff before the first retry, doubling on each further one
 * @param retryMaxDelay the longest backoff between two attempts
 * @param callTimeout the longest one call may take, retries included
 * @param callsPerSecond IAM calls per second all consoles on the database together make to one
 *     account at most; a call beyond the limit waits its turn (IAM's own quotas are per account,
 *     shared by every caller)
 */
@ConfigurationProperties("rolecall.provisioning")
@Validated
record ProvisioningProperties(
        @DefaultValue("5") @Min(1) @Max(10) int maxAttempts,
        @DefaultValue("100ms") Duration retryBaseDelay,
        @DefaultValue("20s") Duration retryMaxDelay,
        @DefaultValue("2m") Duration callTimeout,
        @DefaultValue("10") @Min(1) int callsPerSecond) {}
