/** The page layout, the start page and how errors become status pages and problem responses. */
@ApplicationModule(allowedDependencies = {"identity"})
@NullMarked
package dev.rolecall.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
