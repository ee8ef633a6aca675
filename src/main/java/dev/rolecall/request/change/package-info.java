/**
 * Change plans: the IAM calls that turn a live role into what a CHANGE or DELETE request asks for,
 * with the live role they were computed against. Provisioning computes them ({@link
 * dev.rolecall.request.change.ChangePlanning}); requests keep them with each revision.
 */
@NullMarked
@NamedInterface("change")
package dev.rolecall.request.change;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
