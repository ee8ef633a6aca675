package dev.rolecall.request;

/** The request is not in a state that allows this action (e.g. deciding on an applied request). */
public class IllegalTransitionException extends RuntimeException {

    private final RoleRequestStatus from;
    private final String action;

    public IllegalTransitionException(RoleRequestStatus from, String action) {
        super("cannot " + action + " a request that is " + from);
        this.from = from;
        this.action = action;
    }

    public RoleRequestStatus from() {
        return from;
    }

    public String action() {
        return action;
    }
}
