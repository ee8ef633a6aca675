package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading a person's name, team and groups from their claims, and mapping groups to roles. */
class SsoClaimsTests {

    static final SignInMethods.Sso SSO = new SignInMethods.Sso(
            true,
            "Okta",
            java.net.URI.create("https://idp.example"),
            "rolecall",
            "secret",
            Set.of("openid"),
            "preferred_username",
            "groups",
            "department",
            Map.of(
                    Role.ADMIN, List.of("rolecall-admins"),
                    Role.REVIEWER, List.of("security", "prod-owners"),
                    Role.REQUESTER, List.of("engineering")));

    @Test
    void eachGroupGrantsTheRolesItIsMappedTo() {
        SsoClaims claims = SsoClaims.read(
                Map.of(
                        "preferred_username", "rita",
                        "department", "security",
                        "groups", List.of("everyone", "prod-owners", "engineering")),
                SSO);

        assertThat(claims.username()).isEqualTo("rita");
        assertThat(claims.team()).isEqualTo("security");
        assertThat(claims.groups()).containsExactly("everyone", "prod-owners", "engineering");
        assertThat(claims.roles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.REQUESTER);
    }

    @Test
    void groupsThatMapToNothingGiveNoRole() {
        SsoClaims claims = SsoClaims.read(
                Map.of("preferred_username", "nora", "groups", List.of("contractors", "ROLECALL-ADMINS")), SSO);

        assertThat(claims.roles()).isEmpty();
        assertThat(claims.team()).isNull();
    }

    @Test
    void aSingleGroupMayComeAsAString() {
        SsoClaims claims = SsoClaims.read(Map.of("preferred_username", "olivia", "groups", "rolecall-admins"), SSO);

        assertThat(claims.roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void missingOrBlankClaimsReadAsAbsent() {
        SsoClaims claims = SsoClaims.read(Map.of("preferred_username", "  ", "department", ""), SSO);

        assertThat(claims.username()).isNull();
        assertThat(claims.team()).isNull();
        assertThat(claims.groups()).isEmpty();
        assertThat(claims.roles()).isEmpty();
    }
}
