/**
 * Admin pages: the configured target accounts, with a test of Rolecall's access to each and how
 * often each is scanned for drift, and the people who may sign in.
 */
@ApplicationModule(allowedDependencies = {"account", "identity", "inventory", "provisioning"})
@NullMarked
package dev.rolecall.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
