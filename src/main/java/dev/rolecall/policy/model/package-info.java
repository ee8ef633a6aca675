/**
 * The parsed form of IAM policy documents: immutable records that keep where each element came
 * from in the JSON text. Produced by {@code dev.rolecall.policy.grammar.PolicyParser}; read by the
 * simulator, the action catalog and the findings.
 */
@NullMarked
package dev.rolecall.policy.model;

import org.jspecify.annotations.NullMarked;
