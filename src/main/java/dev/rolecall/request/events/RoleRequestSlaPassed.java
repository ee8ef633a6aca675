package dev.rolecall.request.events;

import org.jspecify.annotations.Nullable;

/**
 * A review stage waited longer than its SLA: it is marked overdue and {@code escalationGroup}, if
 * the route names one, is to be told.
 *
 * @param stage the stage's position in the route, from 1
 */
public record RoleRequestSlaPassed(
        RoleRequestRef ref, int stage, @Nullable String escalationGroup) {}
