package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.identity.activity.IdentityConfigured;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The digest of the identity configuration changes with what matters and only with that. */
class IdentityConfigurationDigestTests {

    static final String HASH = "{bcrypt}$2a$10$CqBgWHASCRkTxZwXI1Ck5uav5LdD4l3oIdHlyrNl01eUe2iA6VH8O";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    static IdentityConfigurationDigest digest(String hash, String secret, List<String> adminGroups) {
        IdentityProperties identity = new IdentityProperties(
                false,
                List.of(new IdentityProperties.LocalUser("dave", hash, Set.of(Role.ADMIN), null, null)),
                new IdentityProperties.SignIn(5, 20, Duration.ofMinutes(15), 4));
        SignInMethods methods = new SignInMethods(
                true,
                new SignInMethods.Sso(
                        true,
                        "Okta",
                        URI.create("https://idp.example"),
                        "rolecall",
                        secret,
                        Set.of("openid"),
                        "preferred_username",
                        "groups",
                        "team",
                        Map.of(Role.ADMIN, adminGroups)));
        return new IdentityConfigurationDigest(identity, methods, event -> {}, CLOCK);
    }

    @Test
    void theSameConfigurationHasTheSameDigest() {
        assertThat(digest(HASH, "s1", List.of("admins")).digest())
                .isEqualTo(digest(HASH, "s1", List.of("admins")).digest())
                .hasSize(64);
    }

    @Test
    void aChangedPasswordOrGroupMappingChangesTheDigest() {
        String before = digest(HASH, "s1", List.of("admins")).digest();

        assertThat(digest(HASH.replace("O", "P"), "s1", List.of("admins")).digest())
                .isNotEqualTo(before);
        assertThat(digest(HASH, "s1", List.of("admins", "everyone")).digest()).isNotEqualTo(before);
    }

    @Test
    void theClientSecretIsLeftOutAndNoHashReachesTheSummary() {
        IdentityConfigurationDigest one = digest(HASH, "s1", List.of("admins"));

        assertThat(digest(HASH, "another-secret", List.of("admins")).digest()).isEqualTo(one.digest());
        assertThat(one.summary().toString())
                .doesNotContain("bcrypt")
                .doesNotContain("s1")
                .contains("dave")
                .contains("admins");
    }

    @Test
    void startingPublishesTheDigestAndSummary() {
        List<Object> published = new ArrayList<>();
        IdentityProperties identity = new IdentityProperties(
                false, List.of(), new IdentityProperties.SignIn(5, 20, Duration.ofMinutes(15), 4));
        SignInMethods methods = new SignInMethods(true, SignInMethodsTests.sso(false, null, Map.of()));
        IdentityConfigurationDigest digest = new IdentityConfigurationDigest(identity, methods, published::add, CLOCK);

        digest.started();

        assertThat(published).singleElement().isInstanceOfSatisfying(IdentityConfigured.class, event -> {
            assertThat(event.digest()).isEqualTo(digest.digest());
            assertThat(event.occurredAt()).isEqualTo(CLOCK.instant());
            assertThat(event.summary()).containsEntry("localSignIn", true);
        });
    }
}
