package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestId;

/** Names a request in events and the audit trail. */
public record RoleRequestRef(RoleRequestId id, String accountId, String roleName) {}
