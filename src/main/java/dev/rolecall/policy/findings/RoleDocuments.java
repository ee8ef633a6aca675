package dev.rolecall.policy.findings;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.PolicyLimits;
import dev.rolecall.policy.PolicyProblem;
import dev.rolecall.policy.analysis.PolicyLocation;
import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.grammar.ParseResult;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A role's policy documents, parsed: grammar and size problems become BLOCK findings, AWS managed
 * policy ARNs are resolved from the shipped copy, and what cannot be resolved is reported.
 */
final class RoleDocuments {

    @Nullable
    PolicyDocument trust;

    final List<PolicyDocument> inline = new ArrayList<>();
    final List<PolicyDocument> awsManaged = new ArrayList<>();

    @Nullable
    PolicyDocument boundary;

    boolean boundaryIsAwsManaged;

    private RoleDocuments() {}

    static RoleDocuments parse(
            PolicyAnalysisRequest request, PolicyParser parser, ManagedPolicyDocuments managed, Findings findings) {
        RoleDocuments documents = new RoleDocuments();
        PolicyLimits limits = request.limits();
        PolicyInput trust = request.trustPolicy();
        if (trust != null) {
            ParseResult result = parse(parser, PolicyKind.TRUST, trust, findings);
            documents.trust = result.document();
            report(limits.checkTrustPolicy(trust.name(), result.size()), FindingCode.TRUST_POLICY_TOO_LARGE, findings);
        }
        documents.parseInline(request, parser, findings);
        List<String> arns = request.managedPolicyArns();
        for (int i = 0; i < arns.size(); i++) {
            resolve(arns.get(i), PolicyKind.IDENTITY, "managedPolicyArns[" + i + "]", managed, findings)
                    .ifPresent(documents.awsManaged::add);
        }
        documents.parseBoundary(request, parser, managed, findings);
        return documents;
    }

    private void parseInline(PolicyAnalysisRequest request, PolicyParser parser, Findings findings) {
        Map<String, Integer> inlineSizes = new LinkedHashMap<>();
        for (PolicyInput input : request.permissionPolicies()) {
            ParseResult result = parse(parser, PolicyKind.IDENTITY, input, findings);
            Optional.ofNullable(result.document()).ifPresent(inline::add);
            inlineSizes.merge(input.name(), result.size(), Integer::sum);
        }
        report(
                request.limits().checkInlinePolicies("permissionPolicies", inlineSizes),
                FindingCode.INLINE_POLICIES_TOO_LARGE,
                findings);
    }

    /** The boundary given as a document, or else as the ARN of an AWS managed policy. */
    private void parseBoundary(
            PolicyAnalysisRequest request, PolicyParser parser, ManagedPolicyDocuments managed, Findings findings) {
        PolicyInput boundaryInput = request.permissionsBoundary();
        String boundaryArn = request.permissionsBoundaryArn();
        if (boundaryInput != null) {
            ParseResult result = parse(parser, PolicyKind.BOUNDARY, boundaryInput, findings);
            boundary = result.document();
            report(
                    request.limits().checkManagedPolicy(boundaryInput.name(), result.size()),
                    FindingCode.POLICY_INVALID,
                    findings);
        } else if (boundaryArn != null) {
            boundary = resolve(boundaryArn, PolicyKind.BOUNDARY, "permissionsBoundary", managed, findings)
                    .orElse(null);
            boundaryIsAwsManaged = boundary != null;
        }
    }

    /** How many permission policies (inline, managed, boundary) are analysed. */
    int permissionPolicyCount() {
        return inline.size() + awsManaged.size() + (boundary == null ? 0 : 1);
    }

    private static ParseResult parse(PolicyParser parser, PolicyKind kind, PolicyInput input, Findings findings) {
        ParseResult result = parser.parse(kind, input.name(), input.json());
        report(result.problems(), FindingCode.POLICY_INVALID, findings);
        return result;
    }

    private static Optional<PolicyDocument> resolve(
            String arn, PolicyKind kind, String field, ManagedPolicyDocuments managed, Findings findings) {
        PolicyLocation at = new PolicyLocation("", -1, null, field, 0, 0);
        if (!AwsManagedPolicies.isAwsManaged(arn)) {
            findings.add(
                    FindingCode.POLICY_NOT_ANALYSED,
                    at,
                    arn + " is a customer managed policy; its document is not at hand");
            return Optional.empty();
        }
        Optional<PolicyDocument> document = managed.byArn(arn, kind);
        if (document.isEmpty()) {
            List<String> closest = managed.closestArns(arn);
            findings.add(
                    FindingCode.AWS_MANAGED_POLICY_UNKNOWN,
                    at,
                    arn + " is not an AWS managed policy"
                            + (closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest) + "?"));
        }
        return document;
    }

    private static void report(List<PolicyProblem> problems, FindingCode code, Findings findings) {
        for (PolicyProblem problem : problems) {
            findings.add(code, problem.at(), problem.message());
        }
    }
}
