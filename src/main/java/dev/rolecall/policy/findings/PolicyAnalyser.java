package dev.rolecall.policy.findings;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.access.EffectivePermissions;
import dev.rolecall.policy.access.StatementActions;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses a role: validity of its documents, trust, the policies as written, and the effective
 * permissions (identity ∩ boundary, explicit deny removed); then the risk level. The role's own
 * fields are not analysed: {@link dev.rolecall.policy.RoleFieldRules} validates them.
 * Thread-safe; AWS managed policies are parsed once and reused.
 */
public final class PolicyAnalyser {

    private final IamCatalog catalog;
    private final SensitiveActions sensitive;
    private final ManagedPolicyDocuments managed;
    private final ResourceReach reach;
    private final PolicyParser parser = new PolicyParser();

    public PolicyAnalyser(IamCatalog catalog, AwsManagedPolicies managedPolicies, EscalationMethods methods) {
        this.catalog = catalog;
        this.sensitive = new SensitiveActions(catalog, methods);
        this.managed = new ManagedPolicyDocuments(catalog, managedPolicies);
        this.reach = new ResourceReach(catalog);
    }

    public IamCatalog catalog() {
        return catalog;
    }

    public PolicyAnalysis analyse(PolicyAnalysisRequest request) {
        Findings findings = new Findings();
        RoleDocuments documents = RoleDocuments.parse(request, parser, managed, findings);
        PolicyDocument trust = documents.trust;
        StatementActions actions = new StatementActions(catalog, managed::actionsOf);
        checkDocuments(request, documents, actions, findings);
        PolicyDocument boundary = documents.boundary;
        List<PolicyDocument> identity = new ArrayList<>(documents.inline);
        identity.addAll(documents.awsManaged);
        EffectivePermissions effective = EffectivePermissions.of(actions, identity, boundary);
        new PermissionChecks(catalog, sensitive, effective, reach, findings).run();
        boolean bounded = boundary != null || request.permissionsBoundaryArn() != null || request.boundaryRequired();
        new BoundaryChecks(catalog, effective, request.permissionsBoundaryArn(), bounded, findings).run();
        List<PolicyFinding> sorted = findings.sorted();
        RiskCalculator.Risk risk = RiskCalculator.risk(sorted, trust, request.accountId());
        return new PolicyAnalysis(
                risk.level(),
                risk.reason(),
                sorted,
                catalog.version(),
                catalog.dataDate(),
                documents.permissionPolicyCount(),
                trust != null);
    }

    /** The checks that look at one document at a time: trust, statement shape and redundancy. */
    private void checkDocuments(
            PolicyAnalysisRequest request, RoleDocuments documents, StatementActions actions, Findings findings) {
        StatementChecks statements = new StatementChecks(catalog, findings);
        PolicyDocument trust = documents.trust;
        if (trust != null) {
            new TrustChecks(trust, request.accountId(), request.knownAccountIds(), findings).run();
            statements.check(trust, true);
        }
        RedundancyCheck redundancy = new RedundancyCheck(actions, findings);
        for (PolicyDocument policy : documents.inline) {
            statements.check(policy, true);
            redundancy.check(policy);
        }
        for (PolicyDocument policy : documents.awsManaged) {
            statements.check(policy, false);
        }
        PolicyDocument boundary = documents.boundary;
        if (boundary != null) {
            statements.check(boundary, !documents.boundaryIsAwsManaged);
        }
    }
}
