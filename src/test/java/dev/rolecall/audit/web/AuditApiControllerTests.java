package dev.rolecall.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.audit.AuditEvent;
import dev.rolecall.audit.AuditExports;
import dev.rolecall.audit.AuditFilter;
import dev.rolecall.audit.AuditService;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.test.UsesTestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@UsesTestDatabase
@WebMvcTest(AuditApiController.class)
@Import(SecuritySliceConfiguration.class)
class AuditApiControllerTests {

    private static final String CSV = "/api/v1/audit-events.csv";
    private static final UUID REQUEST = UUID.fromString("3f2b9c1e-8a4d-4c6b-9f1e-2d7a5b3c4e6f");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditService audit;

    @Test
    void auditorDownloadsTheRangeAsCsvOverHttpBasic() throws Exception {
        AuditFilter filter = new AuditFilter(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"), null, null);
        AuditEvent event = new AuditEvent(
                3,
                Instant.parse("2026-11-02T09:00:00.5Z"),
                "alice",
                "request.submitted",
                REQUEST,
                "111122223333",
                "ci-deployer",
                "{\"revision\":1}");
        AuditService.Export export = AuditExports.of(filter, Instant.parse("2026-11-28T10:00:00Z"), List.of(event));
        when(audit.startExport(eq(filter), eq("api"), any())).thenReturn(export);

        String csv = mvc.perform(get(CSV).with(httpBasic("carol", "demo"))
                        .param("from", "2026-11-01T00:00:00Z")
                        .param("to", "2026-11-28T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("filename=\"rolecall-audit-20261101T000000Z-20261128T000000Z.csv\"")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv)
                .isEqualTo(
                        "event_id,occurred_at,actor,action,request_id,account_id,role_name,details,prev_hash,hash\r\n"
                                + "3,2026-11-02T09:00:00.500Z,alice,request.submitted," + REQUEST
                                + ",111122223333,ci-deployer,\"{\"\"revision\"\":1}\",,\r\n");
        ArgumentCaptor<CurrentUser> user = ArgumentCaptor.forClass(CurrentUser.class);
        verify(audit).startExport(eq(filter), eq("api"), user.capture());
        assertThat(user.getValue().username()).isEqualTo("carol");
        assertThat(user.getValue().has(Role.AUDITOR)).isTrue();
    }

    @Test
    void acceptsActorAndRequestIdFiltersAndAdmins() throws Exception {
        AuditFilter filter = new AuditFilter(null, null, "bob", REQUEST);
        AuditService.Export export = AuditExports.of(filter, Instant.parse("2026-11-28T10:00:00Z"), List.of());
        when(audit.startExport(eq(filter), eq("api"), any())).thenReturn(export);

        mvc.perform(get(CSV).with(httpBasic("dave", "demo"))
                        .param("actor", "bob")
                        .param("requestId", REQUEST.toString()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        "event_id,occurred_at,actor,action,request_id,account_id,role_name,details,prev_hash,hash\r\n"));
    }

    @Test
    void requestersAndReviewersAreForbidden() throws Exception {
        for (String who : List.of("alice", "bob")) {
            mvc.perform(get(CSV).with(httpBasic(who, "demo")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(403));
        }
        verifyNoInteractions(audit);
    }

    @Test
    void anonymousCallersGet401WithABasicChallenge() throws Exception {
        mvc.perform(get(CSV))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(CSV).with(httpBasic("carol", "wrong"))).andExpect(status().isUnauthorized());
        verifyNoInteractions(audit);
    }

    @Test
    void unreadableFiltersAreAProblemWithOneErrorPerField() throws Exception {
        mvc.perform(get(CSV).with(httpBasic("carol", "demo"))
                        .param("from", "last tuesday")
                        .param("requestId", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("Use an ISO-8601 time in UTC, e.g. 2026-11-28T10:15:30Z"))
                .andExpect(jsonPath("$.errors[1].field").value("requestId"));
        verifyNoInteractions(audit);
    }
}
