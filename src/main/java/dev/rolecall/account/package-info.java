/** The registry of target AWS accounts Rolecall may provision roles into. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.rolecall.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
