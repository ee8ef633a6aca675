package dev.rolecall.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.RiskLevel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Rules are tried in order; the first whose every condition holds gives the route. */
class ReviewRouterTests {

    private static final ReviewRouter ROUTER = router(Map.ofEntries(
            Map.entry("groups.security", "bob,erin"),
            Map.entry("groups.payments-owners", "erin,olga"),
            Map.entry("groups.platform", "pat"),
            Map.entry("account-owners.444455556666", "payments-owners"),
            Map.entry("rules[0].name", "no-deletes-in-prod"),
            Map.entry("rules[0].match.environments", "prod"),
            Map.entry("rules[0].match.kinds", "delete"),
            Map.entry("rules[0].outcome", "DENY"),
            Map.entry("rules[0].message", "Prod roles are deleted by the platform team"),
            Map.entry("rules[1].name", "sandbox-low"),
            Map.entry("rules[1].match.environments", "sandbox"),
            Map.entry("rules[1].match.risks", "LOW"),
            Map.entry("rules[1].outcome", "AUTO_APPROVE"),
            Map.entry("rules[2].name", "prod-escalation"),
            Map.entry("rules[2].match.environments", "prod"),
            Map.entry("rules[2].match.findings", "iam-passrole-star,trust-any-principal"),
            Map.entry("rules[2].stages[0].groups", "security"),
            Map.entry("rules[2].stages[1].groups", "platform"),
            Map.entry("rules[2].stages[2].account-owners", "true"),
            Map.entry("rules[2].stages[2].approvals", "2"),
            Map.entry("rules[3].name", "prod"),
            Map.entry("rules[3].match.environments", "prod"),
            Map.entry("rules[3].match.risks", "HIGH,CRITICAL"),
            Map.entry("rules[3].stages[0].groups", "security"),
            Map.entry("rules[3].stages[1].account-owners", "true"),
            Map.entry("rules[4].name", "ci-roles"),
            Map.entry("rules[4].match.role-name", "ci-*"),
            Map.entry("rules[4].match.path", "/ci/*"),
            Map.entry("rules[4].match.teams", "platform"),
            Map.entry("rules[4].stages[0].groups", "platform")));

    static ReviewRouter router(Map<String, String> properties) {
        Map<String, String> prefixed = new LinkedHashMap<>();
        properties.forEach((key, value) -> prefixed.put("rolecall.routing." + key, value));
        RoutingProperties routing = new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("rolecall.routing", RoutingProperties.class);
        return new ReviewRouter(routing, new ReviewerGroups(routing));
    }

    @ParameterizedTest(name = "{0} {1} {2} [{3}] in {4} -> {5} {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # kind | environment | risk     | findings                       | account      | rule               | route
            DELETE | prod        | LOW      |                                | 444455556666 | no-deletes-in-prod | DENY
            CREATE | sandbox     | LOW      |                                | 111122223333 | sandbox-low        | AUTO_APPROVE
            DELETE | sandbox     | LOW      |                                | 111122223333 | sandbox-low        | AUTO_APPROVE
            CREATE | sandbox     | MEDIUM   |                                | 111122223333 |                    | 1 of security
            CREATE | sandbox     | CRITICAL | iam-passrole-star              | 111122223333 |                    | 1 of security
            CREATE | prod        | CRITICAL | iam-passrole-star              | 444455556666 | prod-escalation    | 1 of security > 1 of platform > 2 of payments-owners
            CHANGE | prod        | HIGH     | trust-any-principal,s3-star    | 444455556666 | prod-escalation    | 1 of security > 1 of platform > 2 of payments-owners
            CREATE | prod        | HIGH     | s3-star                        | 444455556666 | prod               | 1 of security > 1 of payments-owners
            IMPORT | prod        | CRITICAL |                                | 555566667777 | prod               | 1 of security > 1 of security
            CREATE | prod        | MEDIUM   |                                | 444455556666 |                    | 1 of security
            CREATE | prod        | LOW      |                                | 444455556666 |                    | 1 of security
            """)
    void routesByKindEnvironmentRiskAndFindings(
            String kind,
            String environment,
            RiskLevel risk,
            String findings,
            String account,
            String rule,
            String route) {
        Route routed = ROUTER.routeFor(
                new RouteQuery(account, environment, kind, risk, codes(findings), "app-reader", "/", "payments"));

        assertThat(routed.ruleName()).isEqualTo(rule);
        assertThat(describe(routed)).isEqualTo(route);
    }

    @ParameterizedTest(name = "{0} on {1} by {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # role name  | path       | team     | rule
            ci-deployer  | /ci/build/ | platform | ci-roles
            ci-deployer  | /ci/build/ | payments |
            ci-deployer  | /          | platform |
            app-deployer | /ci/build/ | platform |
            """)
    void routesByRoleNamePathAndTeam(String roleName, String path, String team, String rule) {
        Route routed = ROUTER.routeFor(
                new RouteQuery("111122223333", "dev", "CREATE", RiskLevel.MEDIUM, Set.of(), roleName, path, team));

        assertThat(routed.ruleName()).isEqualTo(rule);
    }

    private static Set<String> codes(String findings) {
        return findings == null ? Set.of() : Arrays.stream(findings.split(",")).collect(Collectors.toSet());
    }

    private static String describe(Route route) {
        return switch (route.outcome()) {
            case REVIEW -> route.stages().stream().map(RouteStage::describe).collect(Collectors.joining(" > "));
            case AUTO_APPROVE, DENY -> route.outcome().name();
        };
    }
}
