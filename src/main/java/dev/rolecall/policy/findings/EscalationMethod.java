package dev.rolecall.policy.findings;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A set of actions that together let a principal gain permissions it was not granted.
 *
 * @param name what the method does, e.g. {@code Attach a managed policy to a role}
 * @param actions the actions it needs, all of them
 * @param passedToService the service a role must be passable to, when the method passes a role
 * @param source the public catalogue it comes from
 */
public record EscalationMethod(
        String name, List<String> actions, @Nullable String passedToService, String source) {}
