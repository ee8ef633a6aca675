package dev.rolecall.routing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a request goes: its review stages in order, approval on its own, or refusal.
 *
 * @param outcome what happens to the request
 * @param ruleName the rule that matched, or {@code null} for the default route
 * @param stages for {@link Outcome#REVIEW}, the stages in order; empty otherwise
 * @param message for {@link Outcome#DENY}, what the requester is told
 */
public record Route(
        Outcome outcome,
        @Nullable String ruleName,
        List<RouteStage> stages,
        @Nullable String message) {

    public Route {
        stages = List.copyOf(stages);
    }

    /** What a route does with a request. */
    public enum Outcome {
        /** The request waits for its stages, in order. */
        REVIEW,
        /** The request is approved by the rule, with no reviewer. */
        AUTO_APPROVE,
        /** The request is refused with the rule's message. */
        DENY
    }

    /** The name to show for the rule that gave this route. */
    public String ruleLabel() {
        return ruleName == null ? "default route" : ruleName;
    }
}
