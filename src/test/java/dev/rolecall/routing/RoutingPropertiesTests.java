package dev.rolecall.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.FieldError;

class RoutingPropertiesTests {

    /** Groups, the payments account's owners and who may break the glass, for the review stage's checks. */
    private static final String[] BREAK_GLASS = {
        "rolecall.routing.groups.security=bob",
        "rolecall.routing.groups.payments-owners=erin",
        "rolecall.routing.groups.incident=alice",
        "rolecall.routing.account-owners.444455556666=payments-owners",
        "rolecall.routing.break-glass.groups=incident"
    };

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Routing.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RoutingProperties.class)
    @Import(ReviewerGroups.class)
    static class Routing {}

    @Test
    void groupsMembersAndOwnersAreReadFromConfiguration() {
        context.withPropertyValues(
                        "rolecall.routing.groups.security=bob,erin",
                        "rolecall.routing.groups.payments-owners=erin",
                        "rolecall.routing.account-owners.444455556666=payments-owners")
                .run(started -> {
                    ReviewerGroups groups = started.getBean(ReviewerGroups.class);
                    assertThat(groups.membersOf("security")).containsExactlyInAnyOrder("bob", "erin");
                    assertThat(groups.membersOf("platform")).isEmpty();
                    assertThat(groups.groupsOf("erin")).containsExactly("payments-owners", "security");
                    assertThat(groups.groupsOf("alice")).isEmpty();
                    assertThat(groups.ownerGroupOf("444455556666")).contains("payments-owners");
                    assertThat(groups.ownerGroupOf("111122223333")).isEmpty();
                });
    }

    @Test
    void theDemoConfigurationStarts() {
        context.withInitializer(started -> {
                    try {
                        new YamlPropertySourceLoader()
                                .load("demo", new ClassPathResource("config/demo-defaults.yml"))
                                .forEach(started.getEnvironment().getPropertySources()::addLast);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .run(started -> {
                    ReviewerGroups groups = started.getBean(ReviewerGroups.class);
                    assertThat(groups.membersOf("security")).containsExactly("bob");
                    assertThat(groups.ownerGroupOf("444455556666")).contains("payments-owners");
                    assertThat(groups.membersOf("payments-owners")).containsExactly("erin");
                });
    }

    @Test
    void withoutASecurityGroupTheDefaultRouteCannotStart() {
        context.withPropertyValues("rolecall.routing.groups.platform=bob")
                .run(started -> assertThat(problems(started.getStartupFailure()))
                        .anySatisfy(
                                problem -> assertThat(problem).startsWith("default-route: names group 'security'")));
    }

    @Test
    void anUnknownGroupIsNamedWithItsKey() {
        context.withPropertyValues(
                        "rolecall.routing.groups.security=bob",
                        "rolecall.routing.account-owners.444455556666=payments-owners",
                        "rolecall.routing.rules[0].name=prod",
                        "rolecall.routing.rules[0].stages[0].groups=secuirty")
                .run(started -> assertThat(problems(started.getStartupFailure()))
                        .contains(
                                "account-owners[444455556666]: names group 'payments-owners', which"
                                        + " rolecall.routing.groups does not define",
                                "rules[0].stages[0].groups: names group 'secuirty', which"
                                        + " rolecall.routing.groups does not define"));
    }

    @Test
    void rulesThatCannotBeSatisfiedAreRefused() {
        context.withPropertyValues(
                        "rolecall.routing.groups.security=bob",
                        "rolecall.routing.rules[0].name=two",
                        "rolecall.routing.rules[0].stages[0].groups=security",
                        "rolecall.routing.rules[0].stages[0].approvals=2",
                        "rolecall.routing.rules[1].name=two",
                        "rolecall.routing.rules[1].outcome=DENY",
                        "rolecall.routing.rules[2].name=empty")
                .run(started -> assertThat(problems(started.getStartupFailure()))
                        .contains(
                                "rules[0].stages[0].approvals: needs 2 approvals but its groups have 1 members",
                                "rules[1].name: another rule is already named 'two'",
                                "rules[1].message: a DENY rule needs the message the requester is told",
                                "rules[2].stages: a REVIEW rule needs at least one stage"));
    }

    @Test
    void anEmergencyReviewOfTheAccountOwnersIsCheckedLikeAnyStage() {
        context.withPropertyValues(BREAK_GLASS)
                .withPropertyValues(
                        "rolecall.routing.break-glass.review.account-owners=true",
                        "rolecall.routing.break-glass.review.approvals=2",
                        "rolecall.routing.break-glass.review.escalation-group=on-call")
                .run(started -> assertThat(problems(started.getStartupFailure()))
                        .containsExactlyInAnyOrder(
                                "break-glass.review.escalation-group: names group 'on-call', which"
                                        + " rolecall.routing.groups does not define",
                                "break-glass.review.approvals: needs 2 approvals but its groups and owner group"
                                        + " 'payments-owners' have 1 members",
                                "break-glass.review.approvals: needs 2 approvals but its groups and 'security' (the"
                                        + " owners of an account that names no owner group) have 1 members"));
        context.withPropertyValues(BREAK_GLASS)
                .withPropertyValues(
                        "rolecall.routing.break-glass.review.groups=security",
                        "rolecall.routing.break-glass.review.account-owners=true")
                .run(started -> assertThat(started.getStartupFailure()).isNull());
    }

    @Test
    void aMisspeltRiskLevelIsRefused() {
        context.withPropertyValues(
                        "rolecall.routing.groups.security=bob",
                        "rolecall.routing.rules[0].name=low",
                        "rolecall.routing.rules[0].outcome=AUTO_APPROVE",
                        "rolecall.routing.rules[0].match.risks=LOWW")
                .run(started -> assertThat(started.getStartupFailure()).isNotNull());
    }

    private static List<String> problems(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof BindValidationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a BindValidationException in %s", failure).isNotNull();
        return ((BindValidationException) cause)
                .getValidationErrors().getAllErrors().stream()
                        .map(error -> (error instanceof FieldError field ? field.getField() : error.getObjectName())
                                + ": " + error.getDefaultMessage())
                        .toList();
    }
}
