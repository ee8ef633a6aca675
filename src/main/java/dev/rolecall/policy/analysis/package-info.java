/**
 * The result of analysing a role's policies: findings with their severity, category and location
 * in the text as typed, and the risk level they add up to.
 */
@NullMarked
@NamedInterface("analysis")
package dev.rolecall.policy.analysis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
