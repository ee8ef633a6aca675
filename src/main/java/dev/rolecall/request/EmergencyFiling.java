package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.routing.BreakGlass;
import dev.rolecall.routing.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Break-glass filing: who may file a request as an emergency, what it needs, and how a filed
 * emergency skips its route. The policy engine still runs first: a BLOCK finding stops an emergency
 * like any request, so an emergency never applies a policy the engine refuses.
 */
@Component
class EmergencyFiling {

    /** The longest reason an emergency keeps (the column's limit). */
    static final int MAX_REASON = 1000;

    private final BreakGlass breakGlass;

    EmergencyFiling(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    /** Whether this person may file emergency requests. */
    boolean mayFile(CurrentUser user) {
        return breakGlass.mayFile(user.username());
    }

    /** The input problems with the emergency's own added: who may, which kinds, and the reason. */
    List<FieldProblem> check(SubmitRoleRequest command, List<FieldProblem> inputProblems, CurrentUser user) {
        if (!command.emergency()) {
            return inputProblems;
        }
        List<FieldProblem> problems = new ArrayList<>(inputProblems);
        if (!mayFile(user)) {
            problems.add(new FieldProblem("emergency", "you may not file emergency requests"));
        } else if (command.kind() != RequestKind.CREATE && command.kind() != RequestKind.CHANGE) {
            problems.add(new FieldProblem(
                    "emergency", "only a request that creates or changes a role may be filed as an emergency"));
        }
        String reason = command.emergencyReason();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("emergencyReason", "is required: say why this cannot wait for review"));
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add(new FieldProblem("emergencyReason", "must be at most " + MAX_REASON + " characters"));
        }
        return problems;
    }

    /**
     * Gives a request IN_REVIEW its route: an emergency (already {@link #check checked}) is approved at
     * once and opens its review after the fact; any other request takes the route routing gives it.
     */
    void route(RoleRequest request, SubmitRoleRequest command, Supplier<Route> route, Instant now) {
        String reason = command.emergencyReason();
        if (command.emergency() && reason != null) {
            request.breakGlass(reason.strip(), breakGlass.review(command.spec().accountId()), now);
        } else {
            request.route(route.get(), now);
        }
    }
}
