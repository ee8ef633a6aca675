package dev.rolecall.routing;

import dev.rolecall.routing.RoutingProperties.Stage;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Break-glass, as {@code rolecall.routing.break-glass} configures it: who may file an emergency
 * request (the members of its groups, as {@code rolecall.routing.groups} lists them) and the stage
 * that reviews an emergency after the fact (1 of {@code security} within 24 hours, escalated to
 * {@code security}, unless configured; {@code account-owners: true} adds the account's owner group, as
 * in any routing stage).
 */
@Service
public class BreakGlass {

    private static final RouteStage DEFAULT_REVIEW = new RouteStage(
            List.of(RoutingProperties.DEFAULT_GROUP), 1, Duration.ofHours(24), RoutingProperties.DEFAULT_GROUP);

    private final List<String> groups;
    private final @Nullable Stage review;
    private final ReviewerGroups members;

    BreakGlass(RoutingProperties properties, ReviewerGroups members) {
        this.groups = List.copyOf(properties.breakGlass().groups());
        this.review = properties.breakGlass().review();
        this.members = members;
    }

    /** Whether this person may file an emergency request: a member of one of the break-glass groups. */
    public boolean mayFile(String username) {
        return groups.stream().anyMatch(group -> members.membersOf(group).contains(username));
    }

    /**
     * The stage that reviews an emergency in this account after the fact, like any routing stage: its
     * groups, and the account's owner group when it names {@code account-owners}. Its filer never counts.
     */
    public RouteStage review(String accountId) {
        if (review == null) {
            return DEFAULT_REVIEW;
        }
        return members.resolve(review, accountId);
    }
}
