package dev.rolecall.policy.findings;

import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.model.ActionPattern;
import dev.rolecall.policy.model.Statement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The catalog actions each statement covers (Action expanded, NotAction complemented), computed once. */
final class StatementActions {

    private final IamCatalog catalog;
    private final Map<Statement, ActionSet> cache = new IdentityHashMap<>();

    StatementActions(IamCatalog catalog) {
        this.catalog = catalog;
    }

    IamCatalog catalog() {
        return catalog;
    }

    ActionSet of(Statement statement) {
        return cache.computeIfAbsent(statement, s -> {
            List<String> patterns = s.action().patterns().stream().map(ActionPattern::text).toList();
            return s.action().negated() ? catalog.expandNot(patterns) : catalog.expand(patterns);
        });
    }

    ActionSet none() {
        return catalog.none();
    }
}
