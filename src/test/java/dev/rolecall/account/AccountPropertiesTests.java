package dev.rolecall.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The accounts' settings as they are bound and checked at start. */
class AccountPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccountProperties.class)
    static class Accounts {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Accounts.class)
            .withPropertyValues("rolecall.accounts[0].id=444455556666", "rolecall.accounts[0].name=payments-dev");

    @Test
    void anAccountMayScanForDriftAtItsOwnInterval() {
        runner.withPropertyValues("rolecall.accounts[0].drift-interval=15m")
                .run(context -> assertThat(context.getBean(AccountProperties.class)
                                .accounts()
                                .get(0)
                                .toTargetAccount()
                                .driftInterval())
                        .isEqualTo(Duration.ofMinutes(15)));
    }

    @Test
    void withoutOneTheAccountUsesTheInventoryDefault() {
        runner.run(context -> assertThat(context.getBean(AccountProperties.class)
                        .accounts()
                        .get(0)
                        .toTargetAccount()
                        .driftInterval())
                .isNull());
    }

    @Test
    void aDriftIntervalThatIsNotPositiveStopsTheStartNamingTheKey() {
        for (String interval : new String[] {"0s", "-5m"}) {
            runner.withPropertyValues("rolecall.accounts[0].drift-interval=" + interval)
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("accounts[0].driftInterval")
                            .hasMessageContaining("must be a positive duration"));
        }
    }
}
