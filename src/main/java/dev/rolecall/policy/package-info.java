/**
 * Rolecall's offline IAM policy engine: grammar and limits, findings and risk, effective
 * permissions and simulation. No AWS call is involved.
 */
@ApplicationModule(allowedDependencies = {"account"})
@NullMarked
package dev.rolecall.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
