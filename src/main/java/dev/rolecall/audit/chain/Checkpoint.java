package dev.rolecall.audit.chain;

import java.time.Instant;

/**
 * A signed statement that the trail held {@code eventCount} events up to {@code lastEventId},
 * whose hash was {@code lastHash}, at {@code createdAt}. A copy kept outside the database proves
 * later that no event up to there was removed, the last ones included.
 *
 * @param signature HMAC-SHA-256 under {@code keyId} over the other fields ({@link AuditChain#sign})
 */
public record Checkpoint(
        long checkpointId,
        Instant createdAt,
        long lastEventId,
        long eventCount,
        byte[] lastHash,
        String keyId,
        byte[] signature) {}
