package dev.rolecall.request.change;

/**
 * A change or delete cannot be planned: the role does not exist, exists already for a new role, is
 * not managed by Rolecall, or cannot be read. Reported on the named request field.
 */
public class ChangeRefusedException extends RuntimeException {

    private final String field;
    private final String message;

    public ChangeRefusedException(String field, String message) {
        super(message);
        this.field = field;
        this.message = message;
    }

    /** What the requester is told, on {@link #field()}. */
    @Override
    public String getMessage() {
        return message;
    }

    /** The request field the problem is about: {@code roleName} or {@code accountId}. */
    public String field() {
        return field;
    }
}
