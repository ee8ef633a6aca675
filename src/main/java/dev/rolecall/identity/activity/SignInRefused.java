package dev.rolecall.identity.activity;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in through the organisation's provider that did not end signed in
 * ({@code SIGN_IN_REFUSED}): Rolecall refused the person, or the provider or the browser ended
 * the flow with an error.
 *
 * @param username the name the provider vouched for, or {@code null} when none was read
 * @param clientAddress the client's address
 * @param reason {@code no_mapped_role}, {@code name_taken}, {@code no_username}, or the OAuth 2.0
 *     error code the flow ended with (e.g. {@code access_denied})
 * @param groups the person's groups as the provider sent them, when read
 */
public record SignInRefused(
        Instant occurredAt, @Nullable String username, String clientAddress, String reason, List<String> groups) {

    public SignInRefused {
        groups = List.copyOf(groups);
    }
}
