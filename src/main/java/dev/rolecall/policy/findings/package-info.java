/**
 * Security and hygiene findings on a role's trust, permission and boundary policies, evaluated on
 * the effective permission set (identity ∩ boundary, explicit deny removed), and the risk level
 * they add up to.
 */
@NullMarked
package dev.rolecall.policy.findings;

import org.jspecify.annotations.NullMarked;
