package dev.rolecall.request.draft;

import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestSlice;
import java.time.Instant;
import java.util.UUID;

/**
 * A request as its author left it, complete or not.
 *
 * @param kind CREATE or CHANGE: the form it reopens in
 * @param accountId the account as typed, possibly empty
 * @param roleName the role name as typed, possibly empty or invalid
 * @param form the request form's fields, as JSON text
 */
public record RequestDraft(
        UUID id,
        String author,
        RequestKind kind,
        String accountId,
        String roleName,
        String form,
        Instant createdAt,
        Instant updatedAt) {

    /** Where the draft sits in its author's list, last saved first: its last save and its id. */
    public RoleRequestSlice.Key position() {
        return new RoleRequestSlice.Key(updatedAt, id);
    }
}
