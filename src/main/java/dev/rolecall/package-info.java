/** Rolecall's application root: start-up and the embedded default database. */
@NullMarked
package dev.rolecall;

import org.jspecify.annotations.NullMarked;
