/**
 * The dashboard: the home page of reviewers, auditors and admins, with how the approval work is going
 * (requests in review, what waits on the reader, time to decide, failed applies, expiring roles) and
 * charts of the last twelve weeks drawn on the server as SVG.
 */
@ApplicationModule(allowedDependencies = {"identity", "request", "request :: inbox"})
@NullMarked
package dev.rolecall.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
