/**
 * API tokens for pipelines: people create, list and revoke them on a page and through the API;
 * {@code Authorization: Bearer} authenticates {@code /api/**} calls as the token's owner, limited
 * to the token's scopes. Creation, revocation and use from a new address are audited.
 */
@ApplicationModule(allowedDependencies = {"identity", "audit"})
@NullMarked
package dev.rolecall.token;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
