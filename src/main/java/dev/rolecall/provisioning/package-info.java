/**
 * Provisioning: turns an approved role request into its ordered IAM calls, and either records them
 * (plan-only accounts) or makes them in the target AWS account. The only module that talks to AWS.
 */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "identity",
            "policy",
            "request",
            "request :: change",
            "request :: events",
            "request :: problems"
        })
@NullMarked
package dev.rolecall.provisioning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
