package dev.rolecall.identity;

import java.time.Instant;

/**
 * A sign-in with a wrong password or an unknown name ({@code SIGN_IN_FAILED}). The password is
 * never part of it.
 *
 * @param username the name as typed; it may belong to nobody
 * @param clientAddress the client's address
 * @param channel {@code form} or {@code api}
 */
public record SignInFailed(Instant occurredAt, String username, String clientAddress, String channel) {}
