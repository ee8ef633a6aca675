package dev.rolecall.policy;

/**
 * One thing wrong with a simulation's input, for API clients and forms.
 *
 * @param field the JSON path, e.g. {@code identityPolicies[0]} or {@code request.action}
 * @param message what is wrong; for a grammar error it starts with the location in the policy,
 *     e.g. {@code Ln 12, Col 9 · statement 2 (Sid ReadLogs) · Action: …}
 * @param line the line in the request body, counted from 1; 0 when unknown
 * @param column the column in the request body, counted from 1; 0 when unknown
 */
public record PolicyFieldError(String field, String message, int line, int column) {}
