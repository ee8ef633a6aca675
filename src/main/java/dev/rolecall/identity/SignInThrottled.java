package dev.rolecall.identity;

import java.time.Instant;

/**
 * A sign-in refused, without checking its password, because the name or the address had too
 * many failures ({@code SIGN_IN_THROTTLED}). Published for the first refusal and then at most once
 * a minute per name or address.
 *
 * @param username the name as typed; it may belong to nobody
 * @param clientAddress the client's address
 * @param channel {@code form} or {@code api}
 * @param limit {@code name} or {@code address}: which allowance ran out
 * @param retryAfterSeconds how long the client was told to wait
 */
public record SignInThrottled(
        Instant occurredAt,
        String username,
        String clientAddress,
        String channel,
        String limit,
        long retryAfterSeconds) {}
