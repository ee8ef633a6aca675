package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleFieldRulesTests {

    @Test
    void validFieldsHaveNoErrors() {
        assertThat(RoleFieldRules.check(
                        "ci-deployer", "/ci/", "Deploys payments-api", 3600, Map.of("team", "payments")))
                .isEmpty();
        assertThat(RoleFieldRules.check(null, null, null, null, Map.of())).isEmpty();
    }

    @Test
    void eachInvalidFieldIsAnErrorOnThatField() {
        assertThat(RoleFieldRules.check(
                        "no spaces",
                        "ci",
                        "x".repeat(1001),
                        43201,
                        Map.of("aws:team", "payments", "ok", "v".repeat(257))))
                .extracting(PolicyFieldError::field)
                .containsExactlyInAnyOrder(
                        "roleName", "path", "description", "maxSessionDurationSeconds", "tags.aws:team", "tags.ok");
    }

    @Test
    void tagsFollowIamsCountFormatAndCaseRules() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertThat(RoleFieldRules.check(null, null, null, null, many))
                .extracting(PolicyFieldError::field)
                .containsExactly("tags");
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("Team", "a");
        twice.put("team", "b");
        assertThat(RoleFieldRules.tags(twice, Set.of()))
                .singleElement()
                .satisfies(error -> assertThat(error.message()).contains("unique regardless of case"));
        assertThat(RoleFieldRules.tags(Map.of("Managed-By", "me"), Set.of("managed-by")))
                .singleElement()
                .satisfies(error -> assertThat(error.message()).contains("Rolecall sets the Managed-By tag itself"));
    }
}
