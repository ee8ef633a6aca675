package dev.rolecall.request;

/** Names a request in events and the audit trail. */
public record RoleRequestRef(RoleRequestId id, String accountId, String roleName) {}
