package dev.rolecall.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.policy.PolicyFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessLevelOverridesTests {

    private final IamCatalog catalog = PolicyFixtures.catalog();

    @Test
    void everyOverrideNamesACatalogActionWithTheReviewedLevel() {
        assertThat(catalog.overrides()).isNotEmpty();
        for (AccessLevelOverride override : catalog.overrides()) {
            IamAction action = catalog.action(override.action())
                    .orElseThrow(() -> new AssertionError(override.action() + " is not in the catalog any more"));
            assertThat(action.catalogAccessLevel())
                    .as("catalog level of %s (re-review the override when the catalog changed it)", override.action())
                    .isEqualTo(override.catalogLevel());
            assertThat(override.level()).isNotEqualTo(override.catalogLevel());
            assertThat(action.accessLevel()).isEqualTo(override.level());
            assertThat(action.overrideReason()).isEqualTo(override.reason()).isNotBlank();
        }
    }

    @Test
    void actionsWithoutOverrideKeepTheCatalogLevel() {
        IamAction createPolicyVersion =
                catalog.action("iam:CreatePolicyVersion").orElseThrow();
        assertThat(createPolicyVersion.accessLevel()).isEqualTo(createPolicyVersion.catalogAccessLevel());
        assertThat(createPolicyVersion.overrideReason()).isNull();
    }

    @Test
    void refusesAnOverrideWithoutReason() {
        String json = """
                {"overrides": [{"action": "s3:GetObject", "catalogLevel": "Read", "level": "Write", "reason": ""}]}
                """;
        assertThatThrownBy(() ->
                        AccessLevelOverrides.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("no reason");
    }
}
