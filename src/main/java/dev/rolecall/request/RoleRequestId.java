package dev.rolecall.request;

import java.util.UUID;

/** Identifies a role request. */
public record RoleRequestId(UUID value) {

    public static RoleRequestId parse(String text) {
        return new RoleRequestId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
