package dev.rolecall.inventory;

/**
 * One field where the live role differs from what Rolecall last applied.
 *
 * @param field e.g. {@code trustPolicy}, {@code inlinePolicies.read-logs}, {@code tags.team}
 * @param recorded the value Rolecall applied, as text; empty when absent
 * @param live the value in AWS, as text; empty when absent
 */
record FieldDiff(String field, String recorded, String live) {}
