package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.identity.SignInFailed;
import dev.rolecall.identity.SignInThrottled;
import dev.rolecall.identity.activity.SignInRefused;
import dev.rolecall.identity.activity.SignedIn;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Failed and throttled sign-ins reach the audit trail under the name that was typed. */
@RolecallIntegrationTest
class SignInActivityListenerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailedSignInIsRecordedWithTheTypedNameAddressAndChannel() {
        events.publishEvent(new SignInFailed(Instant.now(), "audit-failed-name", "192.0.2.70", "form"));

        Map<String, Object> row = latest("audit-failed-name");
        assertThat(row.get("action")).isEqualTo("sign_in.failed");
        assertThat(row.get("request_id")).isNull();
        JsonNode details = JSON.readTree((String) row.get("details"));
        assertThat(details.get("clientAddress").asString()).isEqualTo("192.0.2.70");
        assertThat(details.get("channel").asString()).isEqualTo("form");
        assertThat(details.size()).isEqualTo(2);
    }

    @Test
    void aThrottledSignInIsRecordedWithTheLimitAndTheWait() {
        events.publishEvent(
                new SignInThrottled(Instant.now(), "audit-throttled-name", "192.0.2.71", "api", "address", 45));

        Map<String, Object> row = latest("audit-throttled-name");
        assertThat(row.get("action")).isEqualTo("sign_in.throttled");
        JsonNode details = JSON.readTree((String) row.get("details"));
        assertThat(details.get("limit").asString()).isEqualTo("address");
        assertThat(details.get("retryAfterSeconds").asLong()).isEqualTo(45);
        assertThat(details.get("channel").asString()).isEqualTo("api");
    }

    @Test
    void aSuccessfulSignInIsRecordedWithRolesAndGroups() {
        events.publishEvent(new SignedIn(
                Instant.now(), "audit-signed-in", "192.0.2.74", "sso", List.of("ADMIN", "REQUESTER"), List.of("g1")));

        Map<String, Object> row = latest("audit-signed-in");
        assertThat(row.get("action")).isEqualTo("sign_in.succeeded");
        JsonNode details = JSON.readTree((String) row.get("details"));
        assertThat(details.get("channel").asString()).isEqualTo("sso");
        assertThat(details.get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(details.get("groups").get(0).asString()).isEqualTo("g1");
    }

    @Test
    void aRefusedProviderSignInIsRecordedWithTheReasonEvenWithoutAName() {
        events.publishEvent(new SignInRefused(
                Instant.now(), "audit-refused", "192.0.2.75", "no_mapped_role", List.of("contractors")));
        events.publishEvent(new SignInRefused(Instant.now(), null, "192.0.2.76", "access_denied", List.of()));

        Map<String, Object> named = latest("audit-refused");
        assertThat(named.get("action")).isEqualTo("sign_in.refused");
        assertThat((String) named.get("details"))
                .contains("\"reason\":\"no_mapped_role\"")
                .contains("contractors");
        assertThat((String) latest("(unknown)").get("details")).contains("\"reason\":\"access_denied\"");
    }

    @Test
    void aBlankOrOverlongNameStillLeavesARecord() {
        String overlong = "x".repeat(500);
        events.publishEvent(new SignInFailed(Instant.now(), "", "192.0.2.72", "api"));
        events.publishEvent(new SignInFailed(Instant.now(), overlong, "192.0.2.73", "api"));

        assertThat(latest("(blank)").get("action")).isEqualTo("sign_in.failed");
        String actor = jdbc.queryForObject(
                "SELECT actor FROM audit_event WHERE actor LIKE 'xxx%' ORDER BY event_id DESC LIMIT 1", String.class);
        assertThat(actor).hasSize(128).endsWith("…");
    }

    private Map<String, Object> latest(String actor) {
        return jdbc.queryForMap(
                "SELECT action, request_id, details FROM audit_event WHERE actor = ? ORDER BY event_id DESC LIMIT 1",
                actor);
    }
}
