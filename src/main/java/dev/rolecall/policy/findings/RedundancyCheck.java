package dev.rolecall.policy.findings;

import dev.rolecall.policy.access.StatementActions;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.ResourceElement;
import dev.rolecall.policy.model.ResourcePattern;
import dev.rolecall.policy.model.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds unconditional Allow statements that another statement of the same policy already covers. */
final class RedundancyCheck {

    private final StatementActions actions;
    private final Findings findings;

    RedundancyCheck(StatementActions actions, Findings findings) {
        this.actions = actions;
        this.findings = findings;
    }

    void check(PolicyDocument policy) {
        List<Statement> candidates = policy.statements().stream()
                .filter(s -> s.effect() == Effect.ALLOW && !s.isConditional() && s.resource() != null)
                .toList();
        for (Statement statement : candidates) {
            for (Statement other : candidates) {
                if (other != statement
                        && covers(other, statement)
                        && (!covers(statement, other) || other.index() < statement.index())) {
                    findings.add(
                            FindingCode.REDUNDANT_STATEMENT,
                            policy.locate(statement),
                            "Everything " + statement.label() + " allows, " + other.label() + " already allows");
                    break;
                }
            }
        }
    }

    /** Whether {@code wide} allows every action on every resource that {@code narrow} allows. */
    private boolean covers(Statement wide, Statement narrow) {
        ActionSet narrowActions = actions.of(narrow);
        if (narrowActions.isEmpty() || !actions.of(wide).containsAll(narrowActions)) {
            return false;
        }
        ResourceElement wideResources = wide.resource();
        ResourceElement narrowResources = narrow.resource();
        if (wideResources == null || narrowResources == null) {
            return false;
        }
        if (wideResources.isAll()) {
            return true;
        }
        if (wideResources.negated() || narrowResources.negated()) {
            return false;
        }
        Set<String> wideTexts = texts(wideResources);
        return narrowResources.patterns().stream()
                .allMatch(p -> wideTexts.contains(p.text())
                        || wideResources.patterns().stream().anyMatch(w -> !p.hasVariable() && w.matches(p.text())));
    }

    private static Set<String> texts(ResourceElement element) {
        return element.patterns().stream().map(ResourcePattern::text).collect(Collectors.toSet());
    }
}
