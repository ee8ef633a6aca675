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
    private final ManagedPolicyDocuments managed;
    private final Map<Statement, ActionSet> cache = new IdentityHashMap<>();

    StatementActions(IamCatalog catalog, ManagedPolicyDocuments managed) {
        this.catalog = catalog;
        this.managed = managed;
    }

    IamCatalog catalog() {
        return catalog;
    }

    ActionSet of(Statement statement) {
        ActionSet shared = managed.actionsOf(statement);
        return shared != null ? shared : cache.computeIfAbsent(statement, s -> expand(catalog, s));
    }

    static ActionSet expand(IamCatalog catalog, Statement statement) {
        List<String> patterns =
                statement.action().patterns().stream().map(ActionPattern::text).toList();
        return statement.action().negated() ? catalog.expandNot(patterns) : catalog.expand(patterns);
    }

    ActionSet none() {
        return catalog.none();
    }
}
