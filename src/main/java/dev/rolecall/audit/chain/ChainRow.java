package dev.rolecall.audit.chain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One stored event as the verification reads it: its columns and its place in the chain. */
public record ChainRow(
        long eventId,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable UUID requestId,
        @Nullable String accountId,
        @Nullable String roleName,
        String details,
        @Nullable String keyId,
        byte @Nullable [] prevHash,
        byte @Nullable [] hash) {

    ChainedEvent event(String keyId) {
        return new ChainedEvent(keyId, eventId, occurredAt, actor, action, requestId, accountId, roleName, details);
    }
}
