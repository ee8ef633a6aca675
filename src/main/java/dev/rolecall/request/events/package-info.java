/**
 * What happens to a request, as events other modules may listen to: the audit trail records every
 * {@link dev.rolecall.request.events.RoleRequestActivity}, provisioning applies on {@link
 * dev.rolecall.request.events.RoleRequestApproved}.
 */
@NullMarked
@NamedInterface("events")
package dev.rolecall.request.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
