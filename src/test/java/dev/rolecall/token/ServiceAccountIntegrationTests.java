package dev.rolecall.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service accounts on the real security chains and PostgreSQL: admins create them (never as admins)
 * and their tokens, through the API and the pages; their tokens act within the account's roles;
 * disabling an account stops its tokens at once; nobody else may manage them; an account cannot
 * sign in to pages; every change is audited.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
class ServiceAccountIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminCreatesAnAccountAndATokenThatStopsWhileTheAccountIsDisabled() throws Exception {
        String name = unique("ci-reader");
        mvc.perform(json(post("/api/v1/service-accounts"), "dave", account(name, List.of("REQUESTER"), "alice")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.owner").value("alice"));
        JsonNode created = JSON.readTree(mvc.perform(json(
                        post("/api/v1/service-accounts/" + name + "/tokens"), "dave", token(List.of("requests:read"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        String secret = created.get("token").asString();
        assertThat(created.get("tokenInfo").get("owner").asString()).isEqualTo(name);

        mvc.perform(bearer(get("/api/v1/role-requests"), secret)).andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/audit-events/verification"), secret)).andExpect(status().isForbidden());
        mvc.perform(bearer(get("/api/v1/service-accounts"), secret)).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/service-accounts/" + name + "/disable").with(httpBasic("dave", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/role-requests"), secret)).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/v1/service-accounts/" + name + "/tokens"), "dave", token(List.of("requests:read"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("account"));

        mvc.perform(post("/api/v1/service-accounts/" + name + "/enable").with(httpBasic("dave", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/role-requests"), secret)).andExpect(status().isOk());

        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_event WHERE actor = 'dave' AND (details::jsonb ->> 'serviceAccount' = ?"
                                + " OR details::jsonb ->> 'owner' = ?) ORDER BY event_id",
                        String.class,
                        name,
                        name))
                .containsExactly(
                        "service_account.created",
                        "token.created",
                        "service_account.disabled",
                        "service_account.enabled");
    }

    @Test
    void aTokenCannotHoldAScopeTheAccountsRolesDoNotAllow() throws Exception {
        String name = unique("reader");
        mvc.perform(json(post("/api/v1/service-accounts"), "dave", account(name, List.of("REQUESTER"), "bob")))
                .andExpect(status().isCreated());

        mvc.perform(json(
                        post("/api/v1/service-accounts/" + name + "/tokens"),
                        "dave",
                        token(List.of("decisions:write", "audit:read"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scopes"))
                .andExpect(jsonPath("$.errors[0].message").value("decisions:write needs a role you do not have"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE owner = ?", Integer.class, name))
                .isZero();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        mvc.perform(json(
                        post("/api/v1/service-accounts"),
                        "dave",
                        Map.of("name", "alice", "description", "", "roles", List.of("ADMIN"), "owner", "nobody")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("already taken")))
                .andExpect(jsonPath("$.errors[1].field").value("description"))
                .andExpect(jsonPath("$.errors[2].field").value("roles"))
                .andExpect(jsonPath("$.errors[2].message").value("a service account can never be an admin"))
                .andExpect(jsonPath("$.errors[3].field").value("owner"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_account WHERE username = 'alice'", Integer.class))
                .isZero();
    }

    @Test
    void onlyAdminsManageServiceAccountsAndTheirTokens() throws Exception {
        String name = unique("guarded");
        mvc.perform(json(post("/api/v1/service-accounts"), "dave", account(name, List.of("REQUESTER"), "alice")))
                .andExpect(status().isCreated());

        mvc.perform(json(
                        post("/api/v1/service-accounts"),
                        "alice",
                        account(unique("mine"), List.of("REQUESTER"), "alice")))
                .andExpect(status().isForbidden());
        mvc.perform(json(
                        post("/api/v1/service-accounts/" + name + "/tokens"), "alice", token(List.of("requests:read"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/service-accounts/" + name + "/disable").with(httpBasic("bob", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/service-accounts").with(user("carol").roles("REQUESTER", "AUDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/service-accounts/" + name + "/disable")
                        .with(user("erin").roles("REQUESTER", "REVIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/people/" + name + "/disable")
                        .with(user("carol").roles("REQUESTER", "AUDITOR"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/service-accounts/" + name + "/tokens")
                        .with(user("bob").roles("REQUESTER", "REVIEWER")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject(
                        "SELECT disabled_at IS NULL FROM service_account WHERE username = ?", Boolean.class, name))
                .isTrue();
    }

    @Test
    void aServiceAccountCannotSignInToPages() throws Exception {
        String name = unique("no-pages");
        mvc.perform(json(post("/api/v1/service-accounts"), "dave", account(name, List.of("REQUESTER"), "alice")))
                .andExpect(status().isCreated());

        mvc.perform(formLogin("/login").user(name).password("demo")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/role-requests").with(httpBasic(name, "demo"))).andExpect(status().isUnauthorized());
    }

    @Test
    void onThePagesDaveCreatesAnAccountAndATokenWhoseSecretIsShownOnce() throws Exception {
        String name = unique("deploy-bot");
        mvc.perform(post("/admin/service-accounts")
                        .with(user("dave").roles("REQUESTER", "ADMIN"))
                        .with(csrf())
                        .param("name", name)
                        .param("description", "Deploys the payments service")
                        .param("roles", "REQUESTER", "REVIEWER")
                        .param("team", "payments")
                        .param("groups", "payments-owners")
                        .param("owner", "alice"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/service-accounts/" + name + "/tokens"));
        String page = mvc.perform(post("/admin/service-accounts/" + name + "/tokens")
                        .with(user("dave").roles("REQUESTER", "ADMIN"))
                        .with(csrf())
                        .param("name", "deploys")
                        .param("scopes", "requests:write", "decisions:write")
                        .param("expiresAt", inDays(10).substring(0, 10)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Copy it now").containsPattern("rc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
        String id = jdbc.queryForObject(
                "SELECT token_id::text FROM api_token WHERE owner = ? AND created_by = 'dave'", String.class, name);

        mvc.perform(get("/admin/service-accounts/" + name + "/tokens")
                        .with(user("dave").roles("REQUESTER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("deploys")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Copy it now"))));
        mvc.perform(get("/admin/service-accounts").with(user("dave").roles("REQUESTER", "ADMIN")))
                .andExpect(content().string(Matchers.containsString(name)));
        // A token of someone else's cannot be revoked through this account's page.
        String alices = jdbc.queryForObject(
                "INSERT INTO api_token (token_id, owner, name, prefix, secret_hash, scopes, created_by, created_at,"
                        + " expires_at) VALUES (gen_random_uuid(), 'alice', 'x', ?, ?, 'requests:read', 'alice', now(),"
                        + " now() + interval '1 day') RETURNING token_id::text",
                String.class,
                "rc_" + UUID.randomUUID().toString().substring(0, 8),
                ApiTokenService.sha256(UUID.randomUUID().toString()));
        mvc.perform(post("/admin/service-accounts/" + name + "/tokens/" + alices + "/revoke")
                        .with(user("dave").roles("REQUESTER", "ADMIN"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/service-accounts/" + name + "/tokens/" + id + "/revoke")
                        .with(user("dave").roles("REQUESTER", "ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/service-accounts/" + name + "/tokens"));
        assertThat(jdbc.queryForObject("SELECT revoked_by FROM api_token WHERE token_id = ?::uuid", String.class, id))
                .isEqualTo("dave");
        assertThat(jdbc.queryForObject(
                        "SELECT revoked_at FROM api_token WHERE token_id = ?::uuid", Object.class, alices))
                .isNull();
    }

    @Test
    void thePageRefusesAnAdminRoleAndKeepsWhatWasTyped() throws Exception {
        String name = unique("sneaky");
        mvc.perform(post("/admin/service-accounts")
                        .with(user("dave").roles("REQUESTER", "ADMIN"))
                        .with(csrf())
                        .param("name", name)
                        .param("description", "Tries to be an admin")
                        .param("roles", "ADMIN")
                        .param("owner", "alice"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("a service account can never be an admin")))
                .andExpect(content().string(Matchers.containsString("Tries to be an admin")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_account WHERE username = ?", Integer.class, name))
                .isZero();
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, Object body) {
        return request.with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body));
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String secret) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
    }

    private static Map<String, Object> account(String name, List<String> roles, String owner) {
        return Map.of(
                "name",
                name,
                "description",
                "Reads requests for the nightly report",
                "roles",
                roles,
                "team",
                "payments",
                "groups",
                List.of(),
                "owner",
                owner);
    }

    private static Map<String, Object> token(List<String> scopes) {
        return Map.of("name", "pipeline", "scopes", scopes, "expiresAt", inDays(30));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String inDays(int days) {
        return Instant.now()
                .plus(days, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }
}
