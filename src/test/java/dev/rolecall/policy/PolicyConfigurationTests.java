package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.findings.EscalationMethods;
import dev.rolecall.policy.findings.PolicyAnalyser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PolicyConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class)
            .withBean(PolicyService.class)
            .withBean(PolicyAnalysisService.class)
            .withBean(RolePermissionsService.class);

    @Test
    void loadsTheReferenceDataOnceForEveryService() {
        context.run(beans -> {
            assertThat(beans)
                    .hasSingleBean(IamCatalog.class)
                    .hasSingleBean(PolicyAnalyser.class)
                    .hasSingleBean(EscalationMethods.class);
            assertThat(beans.getBean(EscalationMethods.class).all()).isNotEmpty();
            IamCatalog catalog = beans.getBean(IamCatalog.class);
            assertThat(beans.getBean(PolicyAnalyser.class).catalog()).isSameAs(catalog);
            assertThat(beans.getBean(PolicyAnalysisService.class).catalogInfo().catalogVersion())
                    .isEqualTo(catalog.version());
            assertThat(beans.getBean(RolePermissionsService.class)).isNotNull();
            assertThat(beans.getBean(PolicyService.class)).isNotNull();
        });
    }
}
