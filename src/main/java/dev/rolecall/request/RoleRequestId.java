package dev.rolecall.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a role request. */
public record RoleRequestId(UUID value) {

    @JsonCreator
    public static RoleRequestId parse(String text) {
        return new RoleRequestId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
