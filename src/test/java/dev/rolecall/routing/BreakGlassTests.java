package dev.rolecall.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Who may break the glass, and which stage reviews an emergency after the fact. */
class BreakGlassTests {

    private static final Map<String, String> GROUPS = Map.of(
            "groups.security", "bob,erin",
            "groups.incident", "alice,olga",
            "groups.on-call", "pat",
            "groups.payments-owners", "erin");

    static BreakGlass breakGlass(Map<String, String> properties) {
        Map<String, String> prefixed = new LinkedHashMap<>();
        GROUPS.forEach((key, value) -> prefixed.put("rolecall.routing." + key, value));
        properties.forEach((key, value) -> prefixed.put("rolecall.routing." + key, value));
        RoutingProperties routing = new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("rolecall.routing", RoutingProperties.class);
        return new BreakGlass(routing, new ReviewerGroups(routing));
    }

    @ParameterizedTest(name = "break-glass groups [{0}]: {1} may file -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # break-glass groups | person | may file
            incident             | alice  | true
            incident             | olga   | true
            incident             | bob    | false
            incident             | pat    | false
            incident             | frank  | false
            incident,on-call     | pat    | true
            incident,on-call     | erin   | false
            security             | bob    | true
            security             | alice  | false
                                 | alice  | false
                                 | bob    | false
            """)
    void onlyMembersOfABreakGlassGroupMayFileAnEmergency(String groups, String person, boolean mayFile) {
        Map<String, String> properties = groups == null ? Map.of() : Map.of("break-glass.groups", groups);
        assertThat(breakGlass(properties).mayFile(person)).isEqualTo(mayFile);
    }

    @Test
    void withoutAReviewStageAnEmergencyIsReviewedBy1OfSecurityWithin24HoursEscalatedToSecurity() {
        RouteStage review = breakGlass(Map.of("break-glass.groups", "incident")).review("444455556666");

        assertThat(review.describe()).isEqualTo("1 of security");
        assertThat(review.sla()).isEqualTo(Duration.ofHours(24));
        assertThat(review.escalationGroup()).isEqualTo("security");
    }

    @Test
    void theConfiguredReviewStageReviewsAnEmergency() {
        RouteStage review = breakGlass(Map.of(
                        "break-glass.groups", "incident",
                        "break-glass.review.groups", "security,payments-owners",
                        "break-glass.review.approvals", "2",
                        "break-glass.review.sla", "4h",
                        "break-glass.review.escalation-group", "on-call"))
                .review("444455556666");

        assertThat(review.groups()).isEqualTo(List.of("security", "payments-owners"));
        assertThat(review.approvals()).isEqualTo(2);
        assertThat(review.sla()).isEqualTo(Duration.ofHours(4));
        assertThat(review.escalationGroup()).isEqualTo("on-call");
    }

    @Test
    void aReviewStageOfTheAccountOwnersNeedsTheOwnerGroupOfTheEmergencysAccountLikeAnyRoutingStage() {
        BreakGlass owners = breakGlass(Map.of(
                "account-owners.444455556666", "payments-owners",
                "break-glass.groups", "incident",
                "break-glass.review.account-owners", "true",
                "break-glass.review.sla", "4h"));
        BreakGlass securityAndOwners = breakGlass(Map.of(
                "account-owners.444455556666", "payments-owners",
                "break-glass.groups", "incident",
                "break-glass.review.groups", "security",
                "break-glass.review.account-owners", "true"));

        assertThat(owners.review("444455556666").describe()).isEqualTo("1 of payments-owners");
        assertThat(owners.review("444455556666").sla()).isEqualTo(Duration.ofHours(4));
        assertThat(owners.review("111122223333").describe())
                .as("an account without an owner group: security stands in, as in any routing stage")
                .isEqualTo("1 of security");
        assertThat(securityAndOwners.review("444455556666").describe()).isEqualTo("1 of security or payments-owners");
        assertThat(securityAndOwners.review("111122223333").describe()).isEqualTo("1 of security");
    }
}
