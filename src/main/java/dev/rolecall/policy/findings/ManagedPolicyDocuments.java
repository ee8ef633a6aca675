package dev.rolecall.policy.findings;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.AwsManagedPolicy;
import dev.rolecall.policy.grammar.JsonLimits;
import dev.rolecall.policy.grammar.ParseResult;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The shipped AWS managed policies as parsed documents, each parsed once per kind. */
final class ManagedPolicyDocuments {

    /**
     * AWS exempts service-linked role policies from the size quotas: the largest has over 128 KiB of
     * pretty-printed text, more than the parser accepts from people.
     */
    static final JsonLimits LIMITS = new JsonLimits(32, 1 << 20);

    private final AwsManagedPolicies policies;
    private final PolicyParser parser = new PolicyParser(LIMITS);
    private final Map<String, Optional<PolicyDocument>> parsed = new ConcurrentHashMap<>();

    ManagedPolicyDocuments(AwsManagedPolicies policies) {
        this.policies = policies;
    }

    /** The document an AWS managed policy ARN names; empty when the ARN is unknown or the copy does not parse. */
    Optional<PolicyDocument> byArn(String arn, PolicyKind kind) {
        return policies.byArn(arn).flatMap(policy -> parsed.computeIfAbsent(kind + " " + policy.arn(),
                key -> parse(policy, kind)));
    }

    private Optional<PolicyDocument> parse(AwsManagedPolicy policy, PolicyKind kind) {
        ParseResult result = parser.parse(kind, policy.name(), policy.document());
        return Optional.ofNullable(result.document());
    }
}
