package dev.rolecall.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API tokens and HTTP Basic.
 *
 * @param maxLifetime the longest a token may live; a later {@code expiresAt} is refused
 * @param httpBasic whether the API still accepts HTTP Basic with local passwords; {@code false}
 *     leaves tokens (and the browser's session for pages) as the only way in
 */
@ConfigurationProperties("rolecall.tokens")
@Validated
record TokenProperties(
        @DefaultValue("90d") Duration maxLifetime,
        @DefaultValue("true") boolean httpBasic) {}
