package dev.rolecall.policy;

/**
 * A grammar error in a policy document.
 *
 * @param location where, e.g. {@code Statement[1] (Sid ReadLogs).Effect}
 * @param message what is wrong, in plain words
 */
public record PolicyProblem(String location, String message) {}
