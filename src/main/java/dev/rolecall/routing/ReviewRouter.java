package dev.rolecall.routing;

import dev.rolecall.routing.RoutingProperties.Match;
import dev.rolecall.routing.RoutingProperties.Rule;
import dev.rolecall.routing.RoutingProperties.Stage;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.util.PatternMatchUtils;

/**
 * Gives a request its route: the first rule of {@code rolecall.routing.rules} whose every condition
 * holds decides; when none does, the default route (1 of {@code security} unless configured).
 */
@Service
public class ReviewRouter {

    private static final RouteStage DEFAULT_STAGE =
            new RouteStage(List.of(RoutingProperties.DEFAULT_GROUP), 1, java.time.Duration.ofHours(24), null);

    private final List<Rule> rules;
    private final List<Stage> defaultRoute;
    private final ReviewerGroups groups;

    @Autowired
    ReviewRouter(RoutingProperties properties, ReviewerGroups groups) {
        this(properties.rules(), properties.defaultRoute(), groups);
    }

    private ReviewRouter(List<Rule> rules, List<Stage> defaultRoute, ReviewerGroups groups) {
        this.rules = List.copyOf(rules);
        this.defaultRoute = List.copyOf(defaultRoute);
        this.groups = groups;
    }

    /** The route of a request with these facts. */
    public Route routeFor(RouteQuery query) {
        for (Rule rule : rules) {
            if (matches(rule.match(), query)) {
                return routeOf(rule, query);
            }
        }
        if (defaultRoute.isEmpty()) {
            return new Route(Route.Outcome.REVIEW, null, List.of(DEFAULT_STAGE), null);
        }
        return new Route(Route.Outcome.REVIEW, null, stagesOf(defaultRoute, query.accountId()), null);
    }

    private Route routeOf(Rule rule, RouteQuery query) {
        return switch (rule.outcome()) {
            case REVIEW ->
                new Route(Route.Outcome.REVIEW, rule.name(), stagesOf(rule.stages(), query.accountId()), null);
            case AUTO_APPROVE -> new Route(Route.Outcome.AUTO_APPROVE, rule.name(), List.of(), null);
            case DENY -> new Route(Route.Outcome.DENY, rule.name(), List.of(), rule.message());
        };
    }

    static boolean matches(Match match, RouteQuery query) {
        return anyOrContains(match.accounts(), query.accountId())
                && anyOrContainsIgnoringCase(match.environments(), query.environment())
                && anyOrContainsIgnoringCase(match.kinds(), query.kind())
                && (match.risks().isEmpty()
                        || query.risk() != null && match.risks().contains(query.risk()))
                && (match.findings().isEmpty() || match.findings().stream().anyMatch(query.findingCodes()::contains))
                && pattern(match.roleName(), query.roleName())
                && pattern(match.path(), query.path())
                && (match.teams().isEmpty()
                        || query.requesterTeam() != null && match.teams().contains(query.requesterTeam()));
    }

    private static boolean anyOrContains(Set<String> values, String value) {
        return values.isEmpty() || values.contains(value);
    }

    private static boolean anyOrContainsIgnoringCase(Set<String> values, String value) {
        return values.isEmpty() || values.stream().anyMatch(value::equalsIgnoreCase);
    }

    private static boolean pattern(@Nullable String pattern, String value) {
        return pattern == null || PatternMatchUtils.simpleMatch(pattern, value);
    }

    /** The stages with the account's owner group resolved. */
    private List<RouteStage> stagesOf(List<Stage> stages, String accountId) {
        return stages.stream().map(stage -> groups.resolve(stage, accountId)).toList();
    }

    /** The rules in order, for the admin page. */
    List<Rule> rules() {
        return rules;
    }

    /** The default route's stages as configured; empty means 1 of {@code security}. */
    List<Stage> defaultRoute() {
        return defaultRoute;
    }
}
