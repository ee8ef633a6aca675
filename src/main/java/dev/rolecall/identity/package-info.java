/**
 * Who is signed in: local users from configuration, their roles and team, sign-in and the
 * security rules every request passes through.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.rolecall.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
