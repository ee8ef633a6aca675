package dev.rolecall.request.problems;

import dev.rolecall.request.RoleRequestId;
import org.springframework.http.HttpStatus;

/** No such request, or one the caller may not see: both look the same from outside. Maps to 404. */
public class RoleRequestNotFoundException extends RequestException {

    public RoleRequestNotFoundException(RoleRequestId id) {
        this(id.toString());
    }

    /** An id in a path that is not an id at all names no request either. */
    public RoleRequestNotFoundException(String id) {
        super("role request " + id + " not found", problem(HttpStatus.NOT_FOUND, "No such role request."));
    }
}
