package dev.rolecall.policy;

import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.findings.EscalationMethods;
import dev.rolecall.policy.findings.PolicyAnalyser;
import dev.rolecall.policy.simulation.PolicyEvaluator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The shipped reference data and the policy services built on it, for tests: read once per JVM, so
 * that plain unit tests need no Spring context and slice tests do not read the data again per context.
 */
public final class PolicyFixtures {

    private PolicyFixtures() {}

    /** The shipped IAM action catalog. */
    public static IamCatalog catalog() {
        return Shipped.CATALOG;
    }

    /** The shipped AWS managed policies. */
    public static AwsManagedPolicies managedPolicies() {
        return Shipped.MANAGED_POLICIES;
    }

    /** The shipped privilege-escalation methods. */
    public static EscalationMethods escalationMethods() {
        return Shipped.ESCALATION_METHODS;
    }

    /** An analyser over the shipped reference data. */
    public static PolicyAnalyser analyser() {
        return Shipped.ANALYSER;
    }

    /** An evaluator over the shipped catalog. */
    public static PolicyEvaluator evaluator() {
        return Shipped.EVALUATOR;
    }

    public static PolicyService policyService() {
        return new PolicyService(evaluator());
    }

    public static PolicyAnalysisService policyAnalysisService() {
        return new PolicyAnalysisService(analyser(), managedPolicies());
    }

    public static RolePermissionsService rolePermissionsService() {
        return new RolePermissionsService(catalog(), managedPolicies(), escalationMethods(), evaluator());
    }

    /** The reference data as beans for slice tests that import a policy service. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Beans {

        @Bean
        IamCatalog iamCatalog() {
            return catalog();
        }

        @Bean
        AwsManagedPolicies awsManagedPolicies() {
            return managedPolicies();
        }

        @Bean
        EscalationMethods escalationMethods() {
            return PolicyFixtures.escalationMethods();
        }

        @Bean
        PolicyAnalyser policyAnalyser() {
            return analyser();
        }

        @Bean
        PolicyEvaluator policyEvaluator() {
            return evaluator();
        }
    }

    private static final class Shipped {
        static final IamCatalog CATALOG = IamCatalog.readShipped();
        static final AwsManagedPolicies MANAGED_POLICIES = AwsManagedPolicies.readShipped();
        static final EscalationMethods ESCALATION_METHODS = EscalationMethods.readShipped();
        static final PolicyAnalyser ANALYSER = new PolicyAnalyser(CATALOG, MANAGED_POLICIES, ESCALATION_METHODS);
        static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(CATALOG);
    }
}
