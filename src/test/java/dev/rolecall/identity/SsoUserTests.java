package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * A person signed in through the provider survives the trip through the session store: Spring
 * Session JDBC writes session attributes with these converters.
 */
class SsoUserTests {

    @Test
    void theSignedInPersonSerialisesWithTeamAndGroups() {
        OidcIdToken idToken = new OidcIdToken(
                "header.payload.signature",
                Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-02T11:00:00Z"),
                Map.of("sub", "subject-1", "iss", "https://idp.example", "preferred_username", "rita"));
        SsoUser user = new SsoUser(
                List.of(new SimpleGrantedAuthority("ROLE_REVIEWER")),
                idToken,
                null,
                "preferred_username",
                "security",
                List.of("security-reviewers", "everyone"));
        SecurityContextImpl context =
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "sso"));

        byte[] stored = new SerializingConverter().convert(context);
        SecurityContextImpl read = (SecurityContextImpl) new DeserializingConverter().convert(stored);

        SsoUser back = (SsoUser) read.getAuthentication().getPrincipal();
        assertThat(back.getName()).isEqualTo("rita");
        assertThat(back.team()).isEqualTo("security");
        assertThat(back.groups()).containsExactly("security-reviewers", "everyone");
        assertThat(CurrentUserArgumentResolver.of(read.getAuthentication(), null))
                .isEqualTo(new CurrentUser("rita", "security", java.util.Set.of(Role.REQUESTER, Role.REVIEWER)));
    }
}
