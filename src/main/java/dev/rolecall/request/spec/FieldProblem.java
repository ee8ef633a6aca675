package dev.rolecall.request.spec;

/**
 * One validation failure a person can act on.
 *
 * @param field the field, as named in the JSON API ({@code roleName}, {@code tags.env},
 *     {@code inlinePolicies.read-logs}, {@code trustPolicy})
 * @param message what is wrong and what is allowed
 */
public record FieldProblem(String field, String message) {}
