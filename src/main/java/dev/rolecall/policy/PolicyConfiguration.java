package dev.rolecall.policy;

import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.findings.EscalationMethods;
import dev.rolecall.policy.findings.PolicyAnalyser;
import dev.rolecall.policy.simulation.PolicyEvaluator;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy engine's reference data and the stateless engines built on it, one instance each:
 * the IAM action catalog (with its reviewed access-level overrides), the shipped AWS managed policies,
 * the privilege-escalation methods of the public research, the analyser and the evaluator. All are immutable or thread-safe, so the services share them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyConfiguration.TemplateProperties.class)
class PolicyConfiguration {

    /** Starts reading the shipped catalog and managed policies as the context's refresh begins. */
    @Bean
    static ShippedPolicyData shippedPolicyData() {
        return new ShippedPolicyData();
    }

    @Bean
    IamCatalog iamCatalog(ShippedPolicyData shipped) {
        return shipped.catalog();
    }

    @Bean
    AwsManagedPolicies awsManagedPolicies(ShippedPolicyData shipped) {
        return shipped.managedPolicies();
    }

    @Bean
    PolicyTemplates policyTemplates(TemplateProperties properties) {
        return PolicyTemplates.read(properties.files());
    }

    /**
     * {@code rolecall.policy-templates.files}: JSON files of policy templates an organisation adds to
     * the shipped ones, in the shape of {@code policy/policy-templates.json}.
     */
    @ConfigurationProperties("rolecall.policy-templates")
    record TemplateProperties(@DefaultValue List<Path> files) {

        TemplateProperties {
            files = List.copyOf(files);
        }
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
