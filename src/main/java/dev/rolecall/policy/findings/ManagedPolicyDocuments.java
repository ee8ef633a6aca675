package dev.rolecall.policy.findings;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.access.StatementActions;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.AwsManagedPolicy;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.grammar.JsonLimits;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The shipped AWS managed policies as parsed documents, each parsed once per kind, with the actions
 * of each statement expanded once.
 */
final class ManagedPolicyDocuments {

    /**
     * AWS exempts service-linked role policies from the size quotas: the largest has over 128 KiB of
     * pretty-printed text, more than the parser accepts from people.
     */
    static final JsonLimits LIMITS = new JsonLimits(32, 1 << 20);

    private static final int SUGGESTIONS = 3;

    private final IamCatalog catalog;
    private final AwsManagedPolicies policies;
    private final PolicyParser parser = new PolicyParser(LIMITS);
    private final Map<String, Optional<PolicyDocument>> parsed = new ConcurrentHashMap<>();
    private final Map<StatementKey, ActionSet> actions = new ConcurrentHashMap<>();

    ManagedPolicyDocuments(IamCatalog catalog, AwsManagedPolicies policies) {
        this.catalog = catalog;
        this.policies = policies;
    }

    /** The document an AWS managed policy ARN names; empty when the ARN is unknown or the copy does not parse. */
    Optional<PolicyDocument> byArn(String arn, PolicyKind kind) {
        return policies.byArn(arn)
                .flatMap(policy -> parsed.computeIfAbsent(kind + " " + policy.arn(), key -> parse(policy, kind)));
    }

    /** The ARNs of the known AWS managed policies closest to one that names none, closest first. */
    List<String> closestArns(String arn) {
        return policies.closestArns(arn, SUGGESTIONS);
    }

    /** The actions of a statement of one of these documents; null for statements of other documents. */
    @Nullable
    ActionSet actionsOf(Statement statement) {
        return actions.get(new StatementKey(statement));
    }

    private Optional<PolicyDocument> parse(AwsManagedPolicy policy, PolicyKind kind) {
        PolicyDocument document =
                parser.parse(kind, policy.name(), policy.document()).document();
        if (document != null) {
            for (Statement statement : document.statements()) {
                actions.put(new StatementKey(statement), StatementActions.expand(catalog, statement));
            }
        }
        return Optional.ofNullable(document);
    }

    /** Statements by identity: the same parsed statement, not an equal one. */
    private record StatementKey(Statement statement) {
        @Override
        public boolean equals(Object other) {
            return other instanceof StatementKey key && key.statement == statement;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(statement);
        }
    }
}
