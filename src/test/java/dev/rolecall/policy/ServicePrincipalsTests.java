package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trust builder's list of AWS service principals, read from the shipped AWS managed policies. */
class ServicePrincipalsTests {

    @Test
    void theCommonServicesAreListedSortedAndOnlyServicePrincipals() {
        List<String> principals = PolicyFixtures.policyAnalysisService().servicePrincipals();
        assertThat(principals)
                .contains(
                        "lambda.amazonaws.com", "ecs-tasks.amazonaws.com", "ec2.amazonaws.com", "states.amazonaws.com")
                .isSorted()
                .doesNotHaveDuplicates()
                .allMatch(principal -> principal.matches("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com"));
    }
}
