package dev.rolecall.identity.activity;

import java.time.Instant;
import java.util.List;

/**
 * A person signed in to the browser console ({@code SIGN_IN_SUCCEEDED}), with a local password or
 * through the organisation's provider.
 *
 * @param username the name they are known by
 * @param clientAddress the client's address
 * @param channel {@code form} (local password) or {@code sso}
 * @param roles the roles they hold in this session
 * @param groups their groups as the provider sent them; empty for local users
 */
public record SignedIn(
        Instant occurredAt,
        String username,
        String clientAddress,
        String channel,
        List<String> roles,
        List<String> groups) {

    public SignedIn {
        roles = List.copyOf(roles);
        groups = List.copyOf(groups);
    }
}
