package dev.rolecall.request;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.routing.ReviewRouter;
import dev.rolecall.routing.Route;
import dev.rolecall.routing.RouteQuery;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Asks routing for the route of a revision, with the facts of the request a rule matches on. */
@Component
class RequestRouting {

    private final ReviewRouter router;
    private final AccountRegistry accounts;

    RequestRouting(ReviewRouter router, AccountRegistry accounts) {
        this.router = router;
        this.accounts = accounts;
    }

    /** The route of the request's current revision, whose analysis is given. */
    Route routeOf(RoleRequestView request, PolicyAnalysis analysis) {
        return router.routeFor(queryOf(request, analysis));
    }

    RouteQuery queryOf(RoleRequestView request, PolicyAnalysis analysis) {
        RoleSpec spec = request.spec();
        return new RouteQuery(
                spec.accountId(),
                accounts.find(spec.accountId()).map(TargetAccount::environment).orElse(""),
                kindOf(request).name(),
                request.riskLevel(),
                analysis.findings().stream().map(PolicyFinding::code).collect(Collectors.toSet()),
                spec.roleName(),
                spec.path(),
                request.requesterTeam());
    }

    /** What the request does to its role; every request creates its role until requests carry their kind. */
    static RequestKind kindOf(RoleRequestView request) {
        return RequestKind.CREATE;
    }
}
