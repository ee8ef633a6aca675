package dev.rolecall.policy.permissions;

/**
 * A policy of a role that could not be taken into account, so results may be incomplete.
 *
 * @param reference the policy's name or ARN
 * @param reason why, for people, e.g. "customer managed policy: its document is not available offline"
 */
public record NotAnalysedPolicy(String reference, String reason) {}
