package dev.rolecall.inventory;

import dev.rolecall.request.RoleRequestSlice;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A position in the list of roles by expiry: the expiry and id of a role, which together order every
 * role exactly. Written like a request list's position, {@code <epoch microseconds>.<id>}.
 */
record ExpiryKey(Instant expiresAt, UUID id) implements RolePosition {

    /** @throws IllegalArgumentException for anything but a position */
    static ExpiryKey parse(String text) {
        RoleRequestSlice.Key key = RoleRequestSlice.Key.parse(text);
        return new ExpiryKey(key.createdAt(), key.id());
    }

    @Override
    public List<Object> values() {
        return List.of(OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC), id);
    }

    @Override
    public String toString() {
        return new RoleRequestSlice.Key(expiresAt, id).toString();
    }
}
