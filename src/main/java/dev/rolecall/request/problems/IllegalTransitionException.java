package dev.rolecall.request.problems;

import dev.rolecall.request.RoleRequestStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The request is not in a state that allows this action (e.g. deciding on an applied request).
 * Maps to 409; the API names the {@code status}, a page shows {@code conflict.transition}.
 */
public class IllegalTransitionException extends RequestException {

    private final RoleRequestStatus from;
    private final String action;

    public IllegalTransitionException(RoleRequestStatus from, String action) {
        super("cannot " + action + " a request that is " + from, body(from), "conflict.transition", new Object[] {from
        });
        this.from = from;
        this.action = action;
    }

    private static ProblemDetail body(RoleRequestStatus from) {
        ProblemDetail body =
                problem(HttpStatus.CONFLICT, "The request is " + from + " and cannot be changed that way.");
        body.setProperty("status", from.name());
        return body;
    }

    public RoleRequestStatus from() {
        return from;
    }

    public String action() {
        return action;
    }
}
