package dev.rolecall.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A token as the API lists it: never its secret.
 *
 * @param status {@code active}, {@code expired} or {@code revoked}
 */
record TokenView(
        UUID id,
        String prefix,
        String name,
        String owner,
        List<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        @Nullable String lastUsedAddress,
        String status) {

    static TokenView of(ApiToken token, Instant now) {
        String status = token.revokedAt() != null ? "revoked" : token.activeAt(now) ? "active" : "expired";
        return new TokenView(
                token.id(),
                token.prefix(),
                token.name(),
                token.owner(),
                token.scopes().stream().map(TokenScope::value).sorted().toList(),
                token.createdAt(),
                token.expiresAt(),
                token.revokedAt(),
                token.lastUsedAt(),
                token.lastUsedAddress(),
                status);
    }
}
