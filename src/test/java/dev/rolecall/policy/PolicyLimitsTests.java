package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rolecall.policy.analysis.PolicyLocation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PolicyLimitsTests {

    @Test
    void countsCharactersWithoutWhitespace() {
        assertThat(PolicyLimits.sizeOf("{ \"a\" :\n\t[1, 2] }")).isEqualTo(11);
        assertThat(PolicyLimits.sizeOf(JsonMapper.builder().build().readTree("{ \"a\" :\n\t[1, 2] }")))
                .isEqualTo(11);
    }

    @Test
    void checksTheTrustPolicyAgainstTheAccountsQuota() {
        assertThat(PolicyLimits.DEFAULTS.checkTrustPolicy("trustPolicy", 2048)).isEmpty();
        assertThat(PolicyLimits.DEFAULTS.checkTrustPolicy("trustPolicy", 2049))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("2,048").contains("2,049"));
        assertThat(new PolicyLimits(4096, 10).checkTrustPolicy("trustPolicy", 4000))
                .isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new PolicyLimits(4097, 10));
    }

    @Test
    void checksInlinePoliciesTogether() {
        assertThat(PolicyLimits.DEFAULTS.checkInlinePolicies("inlinePolicies", Map.of("a", 5000, "b", 5240)))
                .isEmpty();
        assertThat(PolicyLimits.DEFAULTS.checkInlinePolicies("inlinePolicies", Map.of("a", 5000, "b", 5241)))
                .hasSize(1);
    }

    @Test
    void checksManagedPolicySizeAndCount() {
        assertThat(PolicyLimits.DEFAULTS.checkManagedPolicy("boundary", 6144)).isEmpty();
        assertThat(PolicyLimits.DEFAULTS.checkManagedPolicy("boundary", 6145)).hasSize(1);
        assertThat(PolicyLimits.DEFAULTS.checkManagedPolicyCount("managedPolicyArns", 11))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("raised to 20"));
        assertThat(new PolicyLimits(2048, 20).checkManagedPolicyCount("managedPolicyArns", 20))
                .isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new PolicyLimits(2048, 21));
    }

    @Test
    void checksAWholeRole() {
        assertThat(PolicyLimits.DEFAULTS.checkRole(3000, Map.of("a", 11000), 12))
                .extracting(p -> p.at().policy())
                .containsExactly("trustPolicy", "inlinePolicies", "managedPolicyArns");
    }

    @Test
    void describesLocationsAsTheUiShowsThem() {
        PolicyLocation location = new PolicyLocation("read-logs", 1, "ReadLogs", "Action", 12, 9);

        assertThat(location.describe()).isEqualTo("Ln 12, Col 9 · statement 2 (Sid ReadLogs) · Action");
        assertThat(location.describeWithPolicy())
                .isEqualTo("read-logs · Ln 12, Col 9 · statement 2 (Sid ReadLogs) · Action");
        assertThat(PolicyLocation.document("p", 0, 0).describe()).isEqualTo("document");
    }
}
