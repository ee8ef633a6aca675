package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.test.UsesTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in through the form and over HTTP Basic, with the real filter chains and the throttle's
 * buckets in PostgreSQL: five failures pass, the sixth attempt is refused — the right password
 * too — and names that exist and names that do not get the same answers.
 */
@UsesTestDatabase
@WebMvcTest(LoginController.class)
@Import(SecuritySliceConfiguration.class)
@RecordApplicationEvents
class LoginControllerTests {

    static final String THROTTLED = "Too many failed sign-ins. Try again in 3 minutes.";

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEvents events;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void emptyBuckets() {
        new JdbcTemplate(dataSource).update("DELETE FROM sign_in_bucket");
    }

    @Test
    void theFormRefusesTheSixthAttemptEvenWithTheRightPasswordAndSaysWhenToTryAgain() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(form("carol", "wrong-" + i, "192.0.2.10", new MockHttpSession()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        MockHttpSession session = new MockHttpSession();
        mvc.perform(form("carol", "demo", "192.0.2.10", session)).andExpect(redirectedUrl("/login?throttled"));

        mvc.perform(get("/login").param("throttled", "").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(THROTTLED)));
    }

    @Test
    void theApiAnswers429WithRetryAfterAndRefusesTheRightPasswordDuringTheLockOut() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(api("erin", "wrong-" + i, "192.0.2.20")).andExpect(status().isUnauthorized());
        }
        mvc.perform(api("erin", "demo", "192.0.2.20"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", retryAfterWithinThreeMinutes()))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(THROTTLED));
    }

    @Test
    void aRightPasswordBeforeTheLimitStartsTheNameAfresh() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(api("frank", "wrong-" + i, "192.0.2.30")).andExpect(status().isUnauthorized());
        }
        mvc.perform(api("frank", "demo", "192.0.2.30")).andExpect(status().isNotFound());
        for (int i = 0; i < 5; i++) {
            mvc.perform(api("frank", "wrong-" + i, "192.0.2.30")).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void anUnknownNameGetsExactlyTheAnswersAKnownNameGets() throws Exception {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            known.add(describe(mvc.perform(api("alice", "guess-" + i, "192.0.2.40"))
                    .andReturn()
                    .getResponse()));
            unknown.add(describe(mvc.perform(api("alicia", "guess-" + i, "192.0.2.41"))
                    .andReturn()
                    .getResponse()));
        }
        assertThat(unknown.stream().map(LoginControllerTests::withoutRetryAfterValue))
                .isEqualTo(known.stream()
                        .map(LoginControllerTests::withoutRetryAfterValue)
                        .toList());
        assertThat(known.get(0)).startsWith("401");
        assertThat(known.get(6)).startsWith("429");

        String knownForm = mvc.perform(form("bob", "guess", "192.0.2.42", new MockHttpSession()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String unknownForm = mvc.perform(form("bobby", "guess", "192.0.2.43", new MockHttpSession()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(unknownForm).isEqualTo(knownForm).isEqualTo("/login?error");
    }

    @Test
    void anUnknownNameStillHasItsPasswordCheckedAgainstAHashOfTheSameCostAsTheUsers() throws Exception {
        mvc.perform(api("nobody-at-all", "unknown-guess", "192.0.2.50")).andExpect(status().isUnauthorized());
        mvc.perform(api("alice", "known-guess", "192.0.2.51")).andExpect(status().isUnauthorized());

        // Spring's provider compares an unknown name's password with a dummy bcrypt hash of cost 10,
        // the cost of the users' own hashes, so both take the same work.
        verify(passwordEncoder).matches(eq("unknown-guess"), startsWith("{bcrypt}$2a$10$"));
        verify(passwordEncoder).matches(eq("known-guess"), startsWith("{bcrypt}$2a$10$"));
    }

    @Test
    void failuresAndRefusalsArePublishedWithTheTypedNameAndAddressButNoPassword() throws Exception {
        for (int i = 0; i < 6; i++) {
            mvc.perform(api("dave", "secret-guess", "192.0.2.60"));
        }
        mvc.perform(form("dave", "secret-guess", "192.0.2.60", new MockHttpSession()));

        assertThat(events.stream(SignInFailed.class)).hasSize(5).allSatisfy(failed -> {
            assertThat(failed.username()).isEqualTo("dave");
            assertThat(failed.clientAddress()).isEqualTo("192.0.2.60");
            assertThat(failed.channel()).isEqualTo("api");
            assertThat(failed.toString()).doesNotContain("secret-guess");
        });
        assertThat(events.stream(SignInThrottled.class))
                .as("one refusal recorded, the next within the minute not")
                .singleElement()
                .satisfies(throttled -> {
                    assertThat(throttled.username()).isEqualTo("dave");
                    assertThat(throttled.limit()).isEqualTo("name");
                    assertThat(throttled.retryAfterSeconds()).isBetween(150L, 180L);
                    assertThat(throttled.toString()).doesNotContain("secret-guess");
                });
    }

    private static MockHttpServletRequestBuilder form(
            String username, String password, String address, MockHttpSession session) {
        return post("/login")
                .param("username", username)
                .param("password", password)
                .session(session)
                .with(csrf())
                .with(from(address));
    }

    private static MockHttpServletRequestBuilder api(String username, String password, String address) {
        return get("/api/v1/role-requests").with(httpBasic(username, password)).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /**
     * The refill runs in real time while each password is hashed, so the exact number of seconds
     * depends on the machine: a little under three minutes.
     */
    private static org.hamcrest.Matcher<String> retryAfterWithinThreeMinutes() {
        return org.hamcrest.Matchers.matchesPattern("1[5-7][0-9]|180");
    }

    /** The answer with the seconds of {@code Retry-After} masked, once checked to be in range. */
    private static String withoutRetryAfterValue(String described) {
        java.util.regex.Matcher seconds =
                java.util.regex.Pattern.compile("Retry-After=\\[(\\d+)]").matcher(described);
        if (seconds.find()) {
            assertThat(Long.parseLong(seconds.group(1))).isBetween(150L, 180L);
        }
        return seconds.replaceAll("Retry-After=[n]");
    }

    /** Status, every header and the body, for comparing two answers whole. */
    private static String describe(MockHttpServletResponse response) throws Exception {
        Map<String, List<String>> headers = new TreeMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, response.getHeaders(name));
        }
        return response.getStatus() + " " + headers + " " + response.getContentAsString();
    }
}
