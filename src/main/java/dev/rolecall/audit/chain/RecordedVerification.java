package dev.rolecall.audit.chain;

/**
 * A verification as the audit trail recorded it.
 *
 * @param actor who asked for it
 */
public record RecordedVerification(String actor, ChainVerification result) {}
