package dev.rolecall.audit.chain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What of an audit event its hash covers: every column an auditor reads, its id (so moving an
 * event breaks the chain) and the id of the key that hashed it.
 *
 * @param occurredAt to the millisecond, as stored
 * @param details the JSON text exactly as stored
 */
public record ChainedEvent(
        String keyId,
        long eventId,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable UUID requestId,
        @Nullable String accountId,
        @Nullable String roleName,
        String details) {}
