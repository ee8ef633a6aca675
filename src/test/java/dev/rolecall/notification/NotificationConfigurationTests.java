package dev.rolecall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.rolecall.identity.UserDirectory;
import dev.rolecall.routing.ReviewerGroups;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Channels are checked when the console starts: a channel that cannot work refuses the start, saying why. */
class NotificationConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({NotificationProperties.class, PublicUrlProperties.class})
    static class Properties {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class)
            .withBean(UserDirectory.class, NotificationConfigurationTests::users)
            .withBean(
                    ReviewerGroups.class,
                    () -> ReviewerGroups.of(
                            Map.of(
                                    "security", List.of("bob", "erin"),
                                    "platform", List.of("bob"),
                                    "payments-owners", List.of("erin", "nomail")),
                            Map.of()))
            .withBean(NotificationChannels.class);

    /** A directory where erin and bob have an address and nomail has none. */
    private static UserDirectory users() {
        UserDirectory users = mock(UserDirectory.class);
        when(users.emailOf(anyString())).thenReturn(Optional.empty());
        when(users.emailOf("erin")).thenReturn(Optional.of("erin@example.com"));
        when(users.emailOf("bob")).thenReturn(Optional.of("bob@example.com"));
        return users;
    }

    private final ApplicationContextRunner withMail = context.withBean(JavaMailSender.class, JavaMailSenderImpl::new);

    @Test
    void aChannelWithEmailsAndAWebhookIsReachedByBoth() {
        withMail.withPropertyValues(
                        "rolecall.notifications.channels.security.emails[0]=security@example.com",
                        "rolecall.notifications.channels.security.webhook=https://hooks.example.com/T1/B2",
                        "rolecall.notifications.channels.platform.webhook=https://hooks.example.com/T1/B3",
                        "rolecall.notifications.channels.platform.digest=true")
                .run(beans -> {
                    NotificationChannels channels = beans.getBean(NotificationChannels.class);
                    assertThat(channels.deliveries(Audience.group("security")))
                            .containsExactly(
                                    new NotificationChannels.Delivery(Medium.EMAIL, false),
                                    new NotificationChannels.Delivery(Medium.WEBHOOK, false));
                    assertThat(channels.deliveries(Audience.group("platform")))
                            .containsExactly(new NotificationChannels.Delivery(Medium.WEBHOOK, true));
                    assertThat(channels.emails(Audience.group("security"))).containsExactly("security@example.com");
                });
    }

    @Test
    void aGroupWithoutAChannelIsReachedAtItsMembersAddressesAndAPersonAtTheirs() {
        withMail.run(beans -> {
            NotificationChannels channels = beans.getBean(NotificationChannels.class);
            assertThat(channels.deliveries(Audience.group("payments-owners")))
                    .containsExactly(new NotificationChannels.Delivery(Medium.EMAIL, false));
            assertThat(channels.emails(Audience.group("payments-owners"))).containsExactly("erin@example.com");
            assertThat(channels.deliveries(Audience.person("erin")))
                    .containsExactly(new NotificationChannels.Delivery(Medium.EMAIL, false));
            assertThat(channels.deliveries(Audience.person("nomail"))).isEmpty();
            assertThat(channels.webhook(Audience.group("payments-owners"))).isEmpty();
        });
        context.run(beans -> assertThat(
                        beans.getBean(NotificationChannels.class).deliveries(Audience.group("payments-owners")))
                .as("no mail server, no email")
                .isEmpty());
    }

    @Test
    void aChannelForAGroupThatRoutingDoesNotDefineRefusesTheStart() {
        assertStartFails(
                withMail,
                "rolecall.notifications.channels.secuirty names group 'secuirty', which rolecall.routing.groups does not define",
                "rolecall.notifications.channels.secuirty.webhook=https://hooks.example.com/T1/B2");
    }

    @Test
    void aChannelWithNeitherEmailsNorAWebhookRefusesTheStart() {
        assertStartFails(
                withMail, "needs emails, a webhook or both", "rolecall.notifications.channels.security.digest=true");
    }

    @Test
    void aWebhookThatIsNotHttpRefusesTheStart() {
        assertStartFails(
                withMail,
                "webhook must be an absolute http or https URL",
                "rolecall.notifications.channels.security.webhook=file:///etc/passwd");
    }

    @Test
    void anAddressThatIsNotAnEmailRefusesTheStart() {
        assertStartFails(
                withMail,
                "channels[security].emails[0]",
                "rolecall.notifications.channels.security.emails[0]=security at example.com");
    }

    @Test
    void aGroupNameOutsideTheAllowedCharactersRefusesTheStart() {
        assertStartFails(
                withMail,
                "on field 'channels[Security Team]'",
                "rolecall.notifications.channels[Security Team].webhook=https://h.example.com");
    }

    @Test
    void emailChannelsWithoutAMailServerRefuseTheStart() {
        assertStartFails(
                context,
                "rolecall.notifications.channels.security.emails needs a mail server: set spring.mail.host",
                "rolecall.notifications.channels.security.emails[0]=security@example.com");
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteHttpUrlRefusesTheStart() {
        assertStartFails(
                withMail,
                "rolecall.public-url must be an absolute http or https URL",
                "rolecall.public-url=rolecall.example.com");
    }

    @Test
    void linksStartWithThePublicUrlWhateverItsTrailingSlash() {
        assertThat(new PublicUrlProperties(java.net.URI.create("https://rolecall.example.com/console/"))
                        .link("/requests/1"))
                .isEqualTo("https://rolecall.example.com/console/requests/1");
        assertThat(new PublicUrlProperties(java.net.URI.create("https://rolecall.example.com")).link("/requests/1"))
                .isEqualTo("https://rolecall.example.com/requests/1");
    }

    private static void assertStartFails(ApplicationContextRunner runner, String message, String... properties) {
        runner.withPropertyValues(properties)
                .run(beans -> assertThat(beans)
                        .getFailure()
                        .satisfies(failure -> assertThat(allMessages(failure)).contains(message)));
    }

    private static String allMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
