/** What every CSV file the audit module writes shares. */
@NullMarked
package dev.rolecall.audit.csv;

import org.jspecify.annotations.NullMarked;
