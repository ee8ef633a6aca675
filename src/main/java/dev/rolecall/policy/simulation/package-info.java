/**
 * The offline policy simulator: evaluates a request against a role's policies following AWS's
 * documented evaluation logic (explicit deny wins; every SCP level must allow; resource-based
 * policies in the same and in other accounts; identity policies within the permissions boundary and
 * session policy), with every condition operator and policy variables, and the special rules AWS
 * applies on top (KMS key policies, role trust policies, sts:GetCallerIdentity, session and
 * federation tokens; see {@code SpecialRules}). Pure Java, no Spring.
 */
@NullMarked
package dev.rolecall.policy.simulation;

import org.jspecify.annotations.NullMarked;
