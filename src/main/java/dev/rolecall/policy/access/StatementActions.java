package dev.rolecall.policy.access;

import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.model.ActionPattern;
import dev.rolecall.policy.model.Statement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The catalog actions each statement covers (Action expanded, NotAction complemented), computed once
 * per statement. Not thread-safe: one per analysis.
 */
public final class StatementActions {

    private final IamCatalog catalog;
    private final Function<Statement, @Nullable ActionSet> shared;
    private final Map<Statement, ActionSet> cache = new IdentityHashMap<>();

    /**
     * @param shared action sets computed earlier and shared between analyses (e.g. those of the AWS
     *     managed policies); null for statements it does not hold
     */
    public StatementActions(IamCatalog catalog, Function<Statement, @Nullable ActionSet> shared) {
        this.catalog = catalog;
        this.shared = shared;
    }

    /** Expands every statement afresh. */
    public StatementActions(IamCatalog catalog) {
        this(catalog, statement -> null);
    }

    public IamCatalog catalog() {
        return catalog;
    }

    public ActionSet of(Statement statement) {
        ActionSet known = shared.apply(statement);
        return known != null ? known : cache.computeIfAbsent(statement, s -> expand(catalog, s));
    }

    public static ActionSet expand(IamCatalog catalog, Statement statement) {
        List<String> patterns =
                statement.action().patterns().stream().map(ActionPattern::text).toList();
        return statement.action().negated() ? catalog.expandNot(patterns) : catalog.expand(patterns);
    }

    public ActionSet none() {
        return catalog.none();
    }
}
