package dev.rolecall.identity.activity;

import java.time.Instant;
import java.util.Map;

/**
 * A console started with this identity configuration ({@code CONFIGURATION_IDENTITY}): who may sign
 * in and how, and which groups grant which roles. Published at every start; the audit trail keeps
 * it when the digest differs from the one it last recorded.
 *
 * @param digest SHA-256 (hex) over a canonical form of the whole identity configuration, password
 *     hashes included and the client secret left out
 * @param summary what a reader needs to see what changed, without secrets
 */
public record IdentityConfigured(Instant occurredAt, String digest, Map<String, Object> summary) {

    public IdentityConfigured {
        summary = Map.copyOf(summary);
    }
}
