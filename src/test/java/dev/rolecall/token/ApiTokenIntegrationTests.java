package dev.rolecall.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API tokens end to end on the real security chains and PostgreSQL: created with HTTP Basic, used
 * with Bearer within their scopes and their owner's roles, revoked with immediate effect, stored
 * only as a hash, and audited.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
class ApiTokenIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenWorksWithinItsScopesUntilRevoked() throws Exception {
        JsonNode created = create("alice", "ci reader", List.of("requests:read"), inDays(30));
        String token = created.get("token").asString();
        String id = created.get("tokenInfo").get("id").asString();
        assertThat(token).startsWith(created.get("tokenInfo").get("prefix").asString() + "_");

        mvc.perform(get("/api/v1/role-requests").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/role-requests")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("scopes")));
        mvc.perform(get("/api/v1/audit-events/verification").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/tokens")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"scopes\":[\"requests:read\"],\"expiresAt\":\"" + inDays(1) + "\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(delete("/api/v1/tokens/" + id).with(httpBasic("alice", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/role-requests").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));

        assertThat(audited(id)).containsExactly("token.created", "token.used_from_new_address", "token.revoked");
        assertThat(jdbc.queryForObject(
                        "SELECT last_used_at IS NOT NULL FROM api_token WHERE token_id = ?::uuid", Boolean.class, id))
                .isTrue();
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() throws Exception {
        JsonNode created = create("bob", "deciding bot", List.of("decisions:write"), inDays(7));
        String token = created.get("token").asString();

        byte[] stored = jdbc.queryForObject(
                "SELECT secret_hash FROM api_token WHERE token_id = ?::uuid",
                byte[].class,
                created.get("tokenInfo").get("id").asString());
        assertThat(stored).isEqualTo(ApiTokenService.sha256(token));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api_token WHERE concat_ws(' ', name, prefix, scopes) LIKE ?",
                        Integer.class,
                        "%" + token.substring(12) + "%"))
                .isZero();
    }

    @Test
    void anAuditorsTokenVerifiesTheTrail() throws Exception {
        String token = create("carol", "nightly check", List.of("audit:read"), inDays(1))
                .get("token")
                .asString();

        mvc.perform(get("/api/v1/audit-events/verification").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventsChecked").isNumber());
    }

    @Test
    void aRequestBeyondWhatTheOwnerMayHoldOrTheMaximumLifetimeIsRefusedFieldByField() throws Exception {
        mvc.perform(post("/api/v1/tokens")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"scopes\":[\"audit:read\"],\"expiresAt\":\"" + inDays(400) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("scopes"))
                .andExpect(jsonPath("$.errors[1].message").value("audit:read needs a role you do not have"))
                .andExpect(jsonPath("$.errors[2].field").value("expiresAt"));
        mvc.perform(post("/api/v1/tokens")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"n\",\"scopes\":[\"requests:read\"],\"expiresAt\":\"" + inDays(1)
                                + "\",\"owner\":\"bob\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api_token WHERE owner = 'alice' AND name = ''", Integer.class))
                .isZero();
    }

    @Test
    void anUnknownTokenIsRefusedWithoutSayingWhy() throws Exception {
        mvc.perform(get("/api/v1/role-requests")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer rc_00000000_" + UUID.randomUUID()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void thePageShowsANewTokenOnceAndRevokesIt() throws Exception {
        String page = mvc.perform(post("/tokens")
                        .with(user("frank").roles("REQUESTER"))
                        .with(csrf())
                        .param("name", "page token")
                        .param("scopes", "requests:read", "requests:write")
                        .param("expiresAt", inDays(10).substring(0, 10)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Copy it now").containsPattern("rc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
        String id = jdbc.queryForObject(
                "SELECT token_id::text FROM api_token WHERE owner = 'frank' AND name = 'page token'", String.class);

        mvc.perform(get("/tokens").with(user("frank").roles("REQUESTER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("page token")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Copy it now"))));
        mvc.perform(post("/tokens/" + id + "/revoke")
                        .with(user("alice").roles("REQUESTER"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/tokens/" + id + "/revoke")
                        .with(user("frank").roles("REQUESTER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT revoked_by FROM api_token WHERE token_id = ?::uuid", String.class, id))
                .isEqualTo("frank");
    }

    private JsonNode create(String user, String name, List<String> scopes, String expiresAt) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("name", name, "scopes", scopes, "expiresAt", expiresAt));
        String answer = mvc.perform(post("/api/v1/tokens")
                        .with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(answer);
    }

    private List<String> audited(String tokenId) {
        return jdbc.queryForList(
                "SELECT action FROM audit_event WHERE action LIKE 'token.%' AND details::jsonb ->> 'tokenId' = ?"
                        + " ORDER BY event_id",
                String.class, tokenId);
    }

    private static String inDays(int days) {
        return Instant.now()
                .plus(days, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }
}
