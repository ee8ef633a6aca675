/**
 * A role's effective permissions, the one model the findings, the per-service summary and the
 * access diff read: each identity Allow cut down to what the permissions boundary also allows, minus
 * what unconditional denies on every resource take away, with wildcards and NotAction expanded
 * against the IAM action catalog. The simulator answers single questions exactly.
 */
@NullMarked
package dev.rolecall.policy.access;

import org.jspecify.annotations.NullMarked;
