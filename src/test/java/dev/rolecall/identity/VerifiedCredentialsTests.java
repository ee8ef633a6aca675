package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** API callers skip the repeated bcrypt check only with a name and password that just passed it. */
class VerifiedCredentialsTests {

    private final List<String> fullChecks = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-02T03:00:00Z");

    /** The full check: alice's password is "demo", everything else is wrong. */
    private final AuthenticationProvider checked = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            fullChecks.add(attempt.getName() + ":" + attempt.getCredentials());
            if (!"alice".equals(attempt.getName()) || !"demo".equals(attempt.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    "alice", null, AuthorityUtils.createAuthorityList("ROLE_REQUESTER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final VerifiedCredentials credentials = new VerifiedCredentials(checked, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    private static Authentication attempt(String channel, String username, String password) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new SignInDetails(new MockHttpServletRequest(), channel));
        return attempt;
    }

    @Test
    void aRepeatedApiCallWithinTheMinuteSkipsTheFullCheckAndKeepsTheRoles() {
        Authentication first = credentials.authenticate(attempt(SignInDetails.API, "alice", "demo"));
        Authentication again = credentials.authenticate(attempt(SignInDetails.API, "alice", "demo"));

        assertThat(fullChecks).containsExactly("alice:demo");
        assertThat(again.isAuthenticated()).isTrue();
        assertThat(again.getName()).isEqualTo("alice");
        assertThat(again.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(again.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordAlwaysTakesTheFullCheckEvenAfterTheRightOne() {
        credentials.authenticate(attempt(SignInDetails.API, "alice", "demo"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> credentials.authenticate(attempt(SignInDetails.API, "alice", "dem0")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(fullChecks).containsExactly("alice:demo", "alice:dem0", "alice:dem0", "alice:dem0");
    }

    @Test
    void anEntryExpiresAfterTheMinute() {
        credentials.authenticate(attempt(SignInDetails.API, "alice", "demo"));
        now = now.plus(VerifiedCredentials.TTL).plus(Duration.ofMillis(1));
        credentials.authenticate(attempt(SignInDetails.API, "alice", "demo"));

        assertThat(fullChecks).containsExactly("alice:demo", "alice:demo");
    }

    @Test
    void formSignInsAreNeverCached() {
        credentials.authenticate(attempt(SignInDetails.FORM, "alice", "demo"));
        credentials.authenticate(attempt(SignInDetails.FORM, "alice", "demo"));

        assertThat(fullChecks).hasSize(2);
    }
}
