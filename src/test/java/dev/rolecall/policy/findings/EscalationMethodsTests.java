package dev.rolecall.policy.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationMethodsTests {

    private final IamCatalog catalog = PolicyFixtures.catalog();

    @Test
    void listsAtLeastThePublicCataloguesMethods() {
        assertThat(EscalationMethods.all()).hasSizeGreaterThanOrEqualTo(28);
        assertThat(EscalationMethods.all()).allSatisfy(method -> {
            assertThat(method.name()).isNotBlank();
            assertThat(method.source()).isNotBlank();
            assertThat(method.actions()).isNotEmpty();
            assertThat(method.passedToService() == null)
                    .as("%s passes a role exactly when it names the service", method.name())
                    .isEqualTo(!method.actions().contains("iam:PassRole"));
        });
    }

    @Test
    void everyActionNamedInTheChecksIsInTheCatalog() {
        List<String> names = new ArrayList<>();
        EscalationMethods.all().forEach(method -> names.addAll(method.actions()));
        names.addAll(SensitiveActions.CREDENTIALS);
        names.addAll(SensitiveActions.DATA_EXFILTRATION);
        assertThat(names)
                .allSatisfy(name -> assertThat(catalog.action(name)).as(name).isPresent());
    }
}
