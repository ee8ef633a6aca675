package dev.rolecall.routing;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One review stage of a route: {@code approvals} distinct members of {@code groups} must approve.
 *
 * @param groups the groups whose members may approve, the account's owner group already resolved
 * @param approvals how many distinct people must approve
 * @param sla how long the stage may wait before it is overdue
 * @param escalationGroup the group told when the SLA passes, if any
 */
public record RouteStage(
        List<String> groups,
        int approvals,
        Duration sla,
        @Nullable String escalationGroup) {

    public RouteStage {
        groups = List.copyOf(groups);
    }

    /** "1 of security", "2 of payments-owners or platform". */
    public String describe() {
        return approvals + " of " + String.join(" or ", groups);
    }
}
