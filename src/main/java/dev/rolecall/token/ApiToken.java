package dev.rolecall.token;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A token as stored: never its secret.
 *
 * @param prefix the first characters of the token, e.g. {@code rc_7f3a9c2e}; names it in lists and logs
 */
record ApiToken(
        UUID id,
        String owner,
        String name,
        String prefix,
        Set<TokenScope> scopes,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        @Nullable String lastUsedAddress) {

    boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** For the page: the scopes' names joined by spaces. */
    String scopeNames() {
        return String.join(" ", scopes.stream().map(TokenScope::value).sorted().toList());
    }
}
