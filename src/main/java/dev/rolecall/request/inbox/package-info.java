/**
 * The reviewer's inbox: its tabs, filters and sorts, read by keyset, and how many requests wait on a
 * reviewer's groups.
 */
@NamedInterface("inbox")
@NullMarked
package dev.rolecall.request.inbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
