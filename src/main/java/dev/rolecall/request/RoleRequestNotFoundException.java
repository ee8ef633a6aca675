package dev.rolecall.request;

/** No such request, or one the caller may not see: both look the same from outside. */
public class RoleRequestNotFoundException extends RuntimeException {

    public RoleRequestNotFoundException(RoleRequestId id) {
        super("role request " + id + " not found");
    }
}
