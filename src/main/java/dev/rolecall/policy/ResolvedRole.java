package dev.rolecall.policy;

import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.AwsManagedPolicy;
import dev.rolecall.policy.grammar.JsonLimits;
import dev.rolecall.policy.grammar.ParseResult;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.permissions.NotAnalysedPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A role's policies as parsed documents: inline policies, AWS managed policies from the shipped copy,
 * and the boundary; what cannot be read is listed instead.
 *
 * @param identity the identity policies (inline, then managed)
 * @param boundaries the permissions boundary document, or empty when there is none or it cannot be read
 * @param boundaryArn the boundary ARN, or null
 * @param notAnalysed what could not be read
 * @param origins policy name to what it is, for explanations: "inline policy", "AWS managed policy",
 *     "permissions boundary"
 */
record ResolvedRole(
        List<PolicyDocument> identity,
        List<PolicyDocument> boundaries,
        @Nullable String boundaryArn,
        List<NotAnalysedPolicy> notAnalysed,
        Map<String, String> origins) {

    /** Whether there is a boundary whose document could be read. */
    boolean boundaryAnalysed() {
        return boundaryArn == null || !boundaries.isEmpty();
    }

    /** Parses role policies, each AWS managed document once per kind. */
    static final class Resolver {

        /** AWS exempts some managed policies from the size quotas: allow up to 1 MiB of text. */
        private static final JsonLimits MANAGED_LIMITS = new JsonLimits(32, 1 << 20);

        private final AwsManagedPolicies managed;
        private final PolicyParser inlineParser = new PolicyParser();
        private final PolicyParser managedParser = new PolicyParser(MANAGED_LIMITS);
        private final Map<String, Optional<PolicyDocument>> parsed = new ConcurrentHashMap<>();

        Resolver(AwsManagedPolicies managed) {
            this.managed = managed;
        }

        ResolvedRole resolve(RolePolicies role) {
            List<PolicyDocument> identity = new ArrayList<>();
            List<NotAnalysedPolicy> notAnalysed = new ArrayList<>();
            Map<String, String> origins = new LinkedHashMap<>();
            for (PolicyInput inline : role.inlinePolicies()) {
                addInline(inline, identity, notAnalysed, origins);
            }
            for (String arn : role.managedPolicyArns()) {
                managedDocument(arn, PolicyKind.IDENTITY, notAnalysed).ifPresent(document -> {
                    identity.add(document);
                    origins.putIfAbsent(document.name(), "AWS managed policy");
                });
            }
            List<PolicyDocument> boundaries = new ArrayList<>();
            String boundaryArn = role.permissionsBoundaryArn();
            if (boundaryArn != null && !boundaryArn.isBlank()) {
                managedDocument(boundaryArn, PolicyKind.BOUNDARY, notAnalysed).ifPresent(document -> {
                    boundaries.add(document);
                    origins.putIfAbsent(document.name(), "permissions boundary");
                });
            } else {
                boundaryArn = null;
            }
            return new ResolvedRole(identity, boundaries, boundaryArn, notAnalysed, origins);
        }

        /** Adds the parsed inline policy to {@code identity}, or notes why it could not be analysed. */
        private void addInline(
                PolicyInput inline,
                List<PolicyDocument> identity,
                List<NotAnalysedPolicy> notAnalysed,
                Map<String, String> origins) {
            ParseResult result = inlineParser.parse(PolicyKind.IDENTITY, inline.name(), inline.json());
            if (result.document() == null) {
                notAnalysed.add(new NotAnalysedPolicy(
                        inline.name(),
                        "inline policy with " + result.problems().size()
                                + " grammar problem(s): fix it to see its permissions"));
            } else {
                identity.add(result.document());
                origins.putIfAbsent(inline.name(), "inline policy");
            }
        }

        private Optional<PolicyDocument> managedDocument(
                String arn, PolicyKind kind, List<NotAnalysedPolicy> notAnalysed) {
            String role = kind == PolicyKind.BOUNDARY ? "permissions boundary" : "managed policy";
            if (!AwsManagedPolicies.isAwsManaged(arn)) {
                notAnalysed.add(new NotAnalysedPolicy(
                        arn,
                        "customer managed " + role + ": its document is not available offline, so it is not analysed"));
                return Optional.empty();
            }
            Optional<AwsManagedPolicy> policy = managed.byArn(arn);
            if (policy.isEmpty()) {
                notAnalysed.add(new NotAnalysedPolicy(
                        arn,
                        "AWS managed " + role
                                + " not in the shipped copy of AWS managed policies: unknown or newer than the copy"));
                return Optional.empty();
            }
            Optional<PolicyDocument> document = parsed.computeIfAbsent(
                    kind + " " + policy.get().arn(),
                    key -> Optional.ofNullable(managedParser
                            .parse(kind, policy.get().name(), policy.get().document())
                            .document()));
            if (document.isEmpty()) {
                notAnalysed.add(
                        new NotAnalysedPolicy(arn, "AWS managed " + role + " whose shipped copy does not parse"));
            }
            return document;
        }
    }
}
