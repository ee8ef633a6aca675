package dev.rolecall.routing;

import java.time.Instant;

/**
 * The console started with this routing configuration; the audit trail records it when its digest
 * differs from the last one recorded.
 *
 * @param digest SHA-256 of the whole routing configuration
 * @param groups how many reviewer groups it defines
 * @param rules how many routing rules it has
 */
public record RoutingConfigured(Instant occurredAt, String digest, int groups, int rules) {}
