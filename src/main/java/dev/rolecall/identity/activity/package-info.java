/**
 * What the identity module tells the audit trail: successful and refused sign-ins and the identity
 * configuration each console started with.
 */
@NamedInterface("activity")
@NullMarked
package dev.rolecall.identity.activity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
