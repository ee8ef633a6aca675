/**
 * The pinned IAM action catalog: every AWS service with its actions and access levels, resource
 * types with ARN formats, and condition keys with their value types; wildcard and NotAction
 * expansion against it.
 */
@NullMarked
package dev.rolecall.policy.catalog;

import org.jspecify.annotations.NullMarked;
