/**
 * Role requests: the {@link dev.rolecall.request.RoleSpec} a person asks for, its validation,
 * and the request lifecycle from draft to applied, guarded by the {@code RoleRequest} aggregate.
 */
@ApplicationModule(
        allowedDependencies = {"account", "identity", "policy", "policy :: analysis", "policy :: permissions", "routing"
        })
@NullMarked
package dev.rolecall.request;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
