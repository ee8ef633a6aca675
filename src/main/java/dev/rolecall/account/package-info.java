/** The registry of target AWS accounts Rolecall may provision roles into. */
@NullMarked
package dev.rolecall.account;

import org.jspecify.annotations.NullMarked;
