package dev.rolecall.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where notifications go and how they are sent, as {@code rolecall.notifications.*}.
 *
 * @param from the sender address of every email
 * @param channels each reviewer group's channel, by the group's name in {@code rolecall.routing.groups};
 *     a group without one is reached at its members' email addresses
 * @param requesterDigest whether requesters get one daily digest instead of one email per event
 * @param digestAt when the daily digests go out, in UTC
 * @param retryDelay the first wait before a message that could not be sent is tried again, doubling
 *     on each further failure
 * @param maxRetries how often a message is tried again before it is given up
 * @param webhookTimeout how long a webhook may take to connect and to answer
 */
@ConfigurationProperties("rolecall.notifications")
@Validated
record NotificationProperties(
        @DefaultValue("rolecall@localhost") @NotBlank @Email String from,
        @DefaultValue Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}") String, @Valid Channel> channels,
        @DefaultValue("false") boolean requesterDigest,
        @DefaultValue("08:00") LocalTime digestAt,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("8") @Min(0) @Max(30) int maxRetries,
        @DefaultValue("10s") Duration webhookTimeout) {

    /**
     * One group's channel: email addresses, a webhook, or both.
     *
     * @param emails addresses that get the group's messages, in one email
     * @param webhook an https (or, for local tools, http) URL that gets a JSON POST with a
     *     Slack-compatible {@code text}; it often holds a secret and is never logged
     * @param digest whether the channel gets one daily digest instead of one message per event
     */
    record Channel(
            @DefaultValue List<@NotBlank @Email String> emails,
            @Nullable URI webhook,
            @DefaultValue("false") boolean digest) {

        @AssertTrue(message = "needs emails, a webhook or both")
        boolean isReachable() {
            return !emails.isEmpty() || webhook != null;
        }

        @AssertTrue(message = "webhook must be an absolute http or https URL")
        boolean isWebhookHttp() {
            return webhook == null || PublicUrlProperties.isHttpUrl(webhook);
        }
    }
}
