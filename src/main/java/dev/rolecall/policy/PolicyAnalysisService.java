package dev.rolecall.policy;

import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyCatalogInfo;
import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.findings.PolicyAnalyser;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The policy module's façade for analysis: findings with severities and a risk level for a role's
 * trust, permission and boundary policies, checked offline against the shipped IAM action catalog
 * and AWS managed policies, which the module's configuration declares as beans.
 */
@Service
public class PolicyAnalysisService {

    private final PolicyAnalyser analyser;
    private final AwsManagedPolicies managedPolicies;

    public PolicyAnalysisService(PolicyAnalyser analyser, AwsManagedPolicies managedPolicies) {
        this.analyser = analyser;
        this.managedPolicies = managedPolicies;
    }

    /**
     * Analyses a role. Never throws for bad input: invalid documents and fields become BLOCK findings.
     *
     * @return the findings, most severe first, and the risk level they add up to
     */
    public PolicyAnalysis analyse(PolicyAnalysisRequest request) {
        return analyser.analyse(request);
    }

    /** The AWS service principals known from the shipped AWS managed policies, sorted, for choosing one. */
    public List<String> servicePrincipals() {
        return managedPolicies.servicePrincipals();
    }

    /** The version and date of the reference data the analysis uses. */
    public PolicyCatalogInfo catalogInfo() {
        IamCatalog catalog = analyser.catalog();
        return new PolicyCatalogInfo(
                catalog.source(),
                catalog.version(),
                catalog.dataDate(),
                catalog.services().size(),
                catalog.actions().size(),
                managedPolicies.version());
    }
}
