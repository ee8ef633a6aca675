package dev.rolecall.routing;

import dev.rolecall.routing.RoutingProperties.Match;
import dev.rolecall.routing.RoutingProperties.Rule;
import dev.rolecall.routing.RoutingProperties.Stage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One routing rule as the admin page shows it.
 *
 * @param position the rule's place in the order, from 1
 * @param name the rule's name
 * @param matches what it matches on, e.g. {@code environment prod · risk HIGH, CRITICAL}
 * @param outcome what it does, e.g. {@code 1 of security, then 1 of the account's owners}
 */
public record RuleLine(int position, String name, String matches, String outcome) {

    static List<RuleLine> of(List<Rule> rules) {
        List<RuleLine> lines = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            lines.add(new RuleLine(i + 1, String.valueOf(rule.name()), matches(rule.match()), outcome(rule)));
        }
        return lines;
    }

    private static String matches(Match match) {
        List<String> parts = new ArrayList<>();
        add(parts, "account", match.accounts());
        add(parts, "environment", match.environments());
        add(parts, "kind", match.kinds());
        add(parts, "risk", match.risks().stream().map(Enum::name).toList());
        add(parts, "finding", match.findings());
        add(parts, "role name", pattern(match.roleName()));
        add(parts, "path", pattern(match.path()));
        add(parts, "team", match.teams());
        return parts.isEmpty() ? "every request" : String.join(" · ", parts);
    }

    private static List<String> pattern(@Nullable String pattern) {
        return pattern == null ? List.of() : List.of(pattern);
    }

    private static void add(List<String> parts, String label, Collection<String> values) {
        if (!values.isEmpty()) {
            parts.add(label + " " + values.stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    private static String outcome(Rule rule) {
        return switch (rule.outcome()) {
            case AUTO_APPROVE -> "approve on its own";
            case DENY -> "deny: " + rule.message();
            case REVIEW -> rule.stages().stream().map(RuleLine::describe).collect(Collectors.joining(", then "));
        };
    }

    static String describe(Stage stage) {
        List<String> who = new ArrayList<>(stage.groups());
        if (stage.accountOwners()) {
            who.add("the account's owners");
        }
        String escalation = stage.escalationGroup() == null ? "" : ", escalating to " + stage.escalationGroup();
        return stage.approvals() + " of " + String.join(" or ", who) + " within "
                + stage.sla().toString().substring(2).toLowerCase(java.util.Locale.ROOT) + escalation;
    }
}
