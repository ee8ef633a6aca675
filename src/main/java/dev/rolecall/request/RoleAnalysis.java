package dev.rolecall.request;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyAnalysisService;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.PolicyLimits;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.RoleSpecConverter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Runs the policy engine over a role spec's policies: the findings reviewers see, the risk level
 * stored on the request, and the blocking findings that stop submission as field problems. The
 * role's own fields are {@link RoleSpecValidator}'s, never findings.
 */
@Component
class RoleAnalysis {

    /** The name the trust policy goes by in finding locations. */
    static final String TRUST_POLICY = "trust policy";

    private static final Map<String, String> FIELD_BY_CODE_PREFIX =
            Map.of("inline-policies", "inlinePolicies", "trust-", "trustPolicy");

    private final PolicyAnalysisService analysis;
    private final AccountRegistry accounts;

    RoleAnalysis(PolicyAnalysisService analysis, AccountRegistry accounts) {
        this.analysis = analysis;
        this.accounts = accounts;
    }

    PolicyAnalysis analyse(RoleSpec spec) {
        return analyse(spec, Map.of());
    }

    /**
     * As {@link #analyse(RoleSpec)}, with the documents as the person typed them ({@link
     * SubmitRoleRequest#documentTexts()}): finding locations then point at that text.
     */
    PolicyAnalysis analyse(RoleSpec spec, Map<String, String> texts) {
        PolicyAnalysisRequest.Builder request = PolicyAnalysisRequest.builder()
                .accountId(spec.accountId())
                .trustPolicy(input(TRUST_POLICY, spec.trustPolicy(), texts.get("trustPolicy")))
                .managedPolicyArns(spec.managedPolicyArns())
                .permissionsBoundaryArn(spec.permissionsBoundaryArn())
                .knownAccountIds(accounts.all().stream().map(TargetAccount::id).collect(Collectors.toSet()));
        accounts.find(spec.accountId())
                .ifPresent(account -> request.limits(
                                new PolicyLimits(account.trustPolicySizeLimit(), account.managedPoliciesPerRole()))
                        .boundaryRequired(account.requirePermissionsBoundary()));
        spec.inlinePolicies()
                .forEach((name, document) ->
                        request.permissionPolicy(input(name, document, texts.get("inlinePolicies." + name))));
        return analysis.analyse(request.build());
    }

    /** The text as typed when it is the document's (the form's parse of it); otherwise the document itself. */
    private static PolicyInput input(String name, JsonNode document, @Nullable String typed) {
        if (typed != null) {
            try {
                if (RoleSpecConverter.JSON.readTree(typed).equals(document)) {
                    return new PolicyInput(name, typed);
                }
            } catch (JacksonException e) {
                // Not the document's text after all: locate findings in the document itself.
            }
        }
        return PolicyInput.of(name, document);
    }

    /** The findings that stop submission, each named by the field a person fixes. */
    List<FieldProblem> blockingProblems(PolicyAnalysis result, RoleSpec spec) {
        return result.findings().stream()
                .filter(PolicyFinding::blocks)
                .map(finding -> new FieldProblem(
                        field(finding, spec),
                        finding.message() + " (" + finding.code() + ", " + finding.locationText() + ")"))
                .toList();
    }

    private static String field(PolicyFinding finding, RoleSpec spec) {
        String policy = finding.location().policy();
        if (TRUST_POLICY.equals(policy)) {
            return "trustPolicy";
        }
        if (spec.inlinePolicies().containsKey(policy)) {
            return "inlinePolicies." + policy;
        }
        if (spec.managedPolicyArns().contains(policy)) {
            return "managedPolicyArns";
        }
        if (policy.equals(spec.permissionsBoundaryArn())) {
            return "permissionsBoundaryArn";
        }
        // Findings about the ARN fields themselves are located at the field, not in a document.
        String element = finding.location().element();
        if (policy.isEmpty() && element != null) {
            if (element.startsWith("managedPolicyArns")) {
                return "managedPolicyArns";
            }
            if (element.startsWith("permissionsBoundary")) {
                return "permissionsBoundaryArn";
            }
        }
        return FIELD_BY_CODE_PREFIX.entrySet().stream()
                .filter(entry -> finding.code().startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("trustPolicy");
    }
}
