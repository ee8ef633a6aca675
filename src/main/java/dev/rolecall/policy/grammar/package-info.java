/**
 * The IAM policy grammar: reads JSON text (or a parsed tree) into {@code dev.rolecall.policy.model}
 * records and reports, with line and column, everything IAM would reject; plus the size limits as
 * IAM counts them. Guarded against oversized and deeply nested input.
 */
@NullMarked
package dev.rolecall.policy.grammar;

import org.jspecify.annotations.NullMarked;
