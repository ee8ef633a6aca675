package dev.rolecall.request;

/** What a requester files: the role they want and why. */
public record SubmitRoleRequest(RoleSpec spec, String justification) {}
