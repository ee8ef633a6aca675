/**
 * The role inventory: every role Rolecall applied or adopted, the spec it last applied, its state
 * (active, expiring, drifted, expired, deleted), its history, and the background work that keeps it
 * true to AWS: expiry, import and drift checks.
 */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "identity",
            "policy",
            "policy :: analysis",
            "policy :: permissions",
            "provisioning",
            "request",
            "request :: events",
            "request :: problems",
            "request :: review"
        })
@NullMarked
package dev.rolecall.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
