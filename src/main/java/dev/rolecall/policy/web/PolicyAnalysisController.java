package dev.rolecall.policy.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyAnalysisService;
import dev.rolecall.policy.PolicyFieldError;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.PolicyLimits;
import dev.rolecall.policy.RoleFieldRules;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.PolicyLocation;
import dev.rolecall.policy.analysis.RiskLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/policy-analyses}: analyse a role's policies without creating a request, e.g.
 * from a CI pipeline before it asks for a role. Invalid documents are findings (BLOCK), not errors;
 * the role's own fields (name, path, description, session, tags, how many managed policies) that
 * break IAM's formats are field errors (400), as in the role-request API, and never findings. An
 * unknown property or one thing given under two names is a 400, so nothing passes unread.
 */
@RestController
class PolicyAnalysisController {

    private final PolicyAnalysisService analysis;
    private final AccountRegistry accounts;

    PolicyAnalysisController(PolicyAnalysisService analysis, AccountRegistry accounts) {
        this.analysis = analysis;
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/policy-analyses")
    ResponseEntity<?> analyse(@RequestBody AnalysisBody body) {
        List<Map<String, String>> conflicts = body.conflicts();
        if (!conflicts.isEmpty()) {
            return conflicting(conflicts);
        }
        List<String> managedPolicyArns = body.managedPolicyArns() == null ? List.of() : body.managedPolicyArns();
        List<PolicyFieldError> invalid = roleFieldErrors(body, managedPolicyArns);
        if (!invalid.isEmpty()) {
            return invalid(invalid);
        }
        PolicyAnalysisRequest.Builder request = PolicyAnalysisRequest.builder()
                .accountId(body.accountId())
                .managedPolicyArns(managedPolicyArns)
                .knownAccountIds(accounts.all().stream().map(TargetAccount::id).collect(Collectors.toSet()));
        if (body.trustPolicy() != null) {
            request.trustPolicy(PolicyInput.of("trustPolicy", body.trustPolicy()));
        }
        addPermissionPolicies(request, body);
        addPermissionsBoundary(request, body);
        return ResponseEntity.ok(AnalysisResponse.of(analysis.analyse(request.build())));
    }

    /** Fields given twice under different names: nothing is analysed. */
    private static ResponseEntity<ProblemDetail> conflicting(List<Map<String, String>> conflicts) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Some fields are given twice under different names; nothing was analysed.");
        problem.setTitle("Validation failed");
        problem.setProperty("errors", conflicts);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Where the role's own fields and the number of managed policies break IAM's formats and limits. */
    private static List<PolicyFieldError> roleFieldErrors(AnalysisBody body, List<String> managedPolicyArns) {
        List<PolicyFieldError> invalid = new ArrayList<>(RoleFieldRules.check(
                body.roleName(),
                body.path(),
                body.description(),
                body.maxSessionDurationSeconds(),
                body.tags() == null ? Map.of() : body.tags()));
        PolicyLimits.DEFAULTS.checkManagedPolicyCount("managedPolicyArns", managedPolicyArns.size()).stream()
                .map(problem -> new PolicyFieldError("managedPolicyArns", problem.message(), 0, 0))
                .forEach(invalid::add);
        return invalid;
    }

    /** The permission policies, listed first, then the inline policies by name. */
    private static void addPermissionPolicies(PolicyAnalysisRequest.Builder request, AnalysisBody body) {
        List<JsonNode> policies = body.permissionPolicies() == null ? List.of() : body.permissionPolicies();
        for (int i = 0; i < policies.size(); i++) {
            request.permissionPolicy(PolicyInput.of("permissionPolicies[" + i + "]", policies.get(i)));
        }
        if (body.inlinePolicies() != null) {
            body.inlinePolicies()
                    .forEach((name, document) ->
                            request.permissionPolicy(PolicyInput.of("inlinePolicies." + name, document)));
        }
    }

    /** The boundary as an ARN or a document; {@code permissionsBoundaryArn} only when no boundary is given. */
    private static void addPermissionsBoundary(PolicyAnalysisRequest.Builder request, AnalysisBody body) {
        JsonNode boundary = body.permissionsBoundary();
        if (boundary != null && boundary.isString()) {
            request.permissionsBoundaryArn(boundary.asString());
        } else if (boundary != null && !boundary.isNull()) {
            request.permissionsBoundary(PolicyInput.of("permissionsBoundary", boundary));
        } else if (body.permissionsBoundaryArn() != null) {
            request.permissionsBoundaryArn(body.permissionsBoundaryArn());
        }
    }

    /** The role's own fields break IAM's formats: field errors, as the role-request API answers them. */
    private static ResponseEntity<ProblemDetail> invalid(List<PolicyFieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Some fields are invalid; nothing was analysed.");
        problem.setTitle("Validation failed");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(error -> Map.of("field", error.field(), "message", error.message()))
                        .toList());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The request body, in this API's own names or in the role-request API's ({@code inlinePolicies}
     * by name, {@code permissionsBoundaryArn}), so that the body of {@code POST /api/v1/role-requests}
     * can be analysed as it is; its {@code justification} and {@code expiresAt} are accepted and do not
     * change the analysis. Documents are JSON objects; the boundary is a document or a managed policy ARN.
     * Any other property is refused.
     */
    record AnalysisBody(
            @Nullable JsonNode trustPolicy,
            @Nullable List<JsonNode> permissionPolicies,
            @Nullable Map<String, JsonNode> inlinePolicies,
            @Nullable JsonNode permissionsBoundary,
            @Nullable String permissionsBoundaryArn,
            @Nullable List<String> managedPolicyArns,
            @Nullable Integer maxSessionDurationSeconds,
            @Nullable Map<String, String> tags,
            @Nullable String accountId,
            @Nullable String roleName,
            @Nullable String path,
            @Nullable String description,
            @Nullable String justification,
            @Nullable JsonNode expiresAt) {

        /** One error per thing given under both names: which of the two to keep is not ours to guess. */
        List<Map<String, String>> conflicts() {
            List<Map<String, String>> errors = new ArrayList<>();
            if (permissionPolicies != null && inlinePolicies != null) {
                errors.add(Map.of(
                        "field",
                        "inlinePolicies",
                        "message",
                        "inlinePolicies and permissionPolicies are the same thing under two names; give one"));
            }
            if (permissionsBoundary != null && !permissionsBoundary.isNull() && permissionsBoundaryArn != null) {
                errors.add(Map.of(
                        "field",
                        "permissionsBoundaryArn",
                        "message",
                        "permissionsBoundaryArn and permissionsBoundary are the same thing under two names; give one"));
            }
            return errors;
        }
    }

    record AnalysisResponse(
            RiskLevel riskLevel,
            @Nullable String riskReason,
            boolean blocked,
            String catalogVersion,
            String catalogDate,
            List<FindingBody> findings) {

        static AnalysisResponse of(PolicyAnalysis analysis) {
            return new AnalysisResponse(
                    analysis.riskLevel(),
                    analysis.riskReason(),
                    analysis.blocked(),
                    analysis.catalogVersion(),
                    analysis.catalogDate().toString(),
                    analysis.findings().stream().map(FindingBody::of).toList());
        }
    }

    record FindingBody(
            String code,
            FindingSeverity severity,
            String category,
            String message,
            String location,
            @Nullable String policy,
            @Nullable Integer line,
            @Nullable Integer column,
            String whyItMatters,
            String remediation) {

        static FindingBody of(PolicyFinding finding) {
            PolicyLocation at = finding.location();
            return new FindingBody(
                    finding.code(),
                    finding.severity(),
                    finding.category().label(),
                    finding.message(),
                    finding.locationText(),
                    at.policy().isEmpty() ? null : at.policy(),
                    at.hasPosition() ? at.line() : null,
                    at.hasPosition() ? at.column() : null,
                    finding.whyItMatters(),
                    finding.howToFix());
        }
    }
}
