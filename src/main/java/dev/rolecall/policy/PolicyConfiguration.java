package dev.rolecall.policy;

import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.findings.EscalationMethods;
import dev.rolecall.policy.findings.PolicyAnalyser;
import dev.rolecall.policy.simulation.PolicyEvaluator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy engine's reference data and the stateless engines built on it, one instance each:
 * the IAM action catalog (with its reviewed access-level overrides), the shipped AWS managed policies,
 * the privilege-escalation methods of the public research, the analyser and the evaluator. All are immutable or thread-safe, so the services share them.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    IamCatalog iamCatalog() {
        return IamCatalog.readShipped();
    }

    @Bean
    AwsManagedPolicies awsManagedPolicies() {
        return AwsManagedPolicies.readShipped();
    }

    @Bean
    EscalationMethods escalationMethods() {
        return EscalationMethods.readShipped();
    }

    @Bean
    PolicyAnalyser policyAnalyser(
            IamCatalog catalog, AwsManagedPolicies managedPolicies, EscalationMethods escalationMethods) {
        return new PolicyAnalyser(catalog, managedPolicies, escalationMethods);
    }

    @Bean
    PolicyEvaluator policyEvaluator(IamCatalog catalog) {
        return new PolicyEvaluator(catalog);
    }
}
