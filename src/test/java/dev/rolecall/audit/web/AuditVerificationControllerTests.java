package dev.rolecall.audit.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
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

import dev.rolecall.audit.AuditService;
import dev.rolecall.audit.approvals.ApprovalReports;
import dev.rolecall.audit.approvals.StageTimes;
import dev.rolecall.audit.chain.ChainVerification;
import dev.rolecall.audit.chain.RecordedVerification;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.test.UsesTestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Verifying the chain from the audit page and the API, and the checkpoints download. */
@UsesTestDatabase
@WebMvcTest({AuditController.class, AuditVerificationController.class, AuditVerificationApiController.class})
@Import(SecuritySliceConfiguration.class)
class AuditVerificationControllerTests {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final ChainVerification BROKEN =
            new ChainVerification(false, 42, 42L, "link-broken", null, null, AT);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditService audit;

    @MockitoBean
    ApprovalReports approvals;

    @BeforeEach
    void noDecisionsToTime() {
        when(approvals.timesPerStage(any(), any())).thenReturn(new StageTimes(List.of(), false));
    }

    @Test
    void apiAnswersTheOutcomeAsJson() throws Exception {
        when(audit.verify(eq(10L), eq(99L), eq("api"), any())).thenReturn(BROKEN);

        mvc.perform(get("/api/v1/audit-events/verification")
                        .with(httpBasic("carol", "demo"))
                        .param("fromEventId", "10")
                        .param("toEventId", "99"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.eventsChecked").value(42))
                .andExpect(jsonPath("$.firstBrokenEventId").value(42))
                .andExpect(jsonPath("$.reason").value("link-broken"));
    }

    @Test
    void anUnreadableRangeIsAFieldErrorAndNothingIsVerified() throws Exception {
        mvc.perform(get("/api/v1/audit-events/verification")
                        .with(httpBasic("carol", "demo"))
                        .param("fromEventId", "ten")
                        .param("toEventId", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("fromEventId", "toEventId")));
        verifyNoInteractions(audit);
    }

    @Test
    void requestersMayNotVerify() throws Exception {
        mvc.perform(get("/api/v1/audit-events/verification").with(httpBasic("alice", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/audit/verification")
                        .with(user("alice").roles("REQUESTER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(audit);
    }

    @Test
    void theAuditPageVerifiesOnAPostWithItsCsrfToken() throws Exception {
        mvc.perform(post("/audit/verification").with(user("carol").roles("AUDITOR")))
                .andExpect(status().isForbidden());
        when(audit.verify(isNull(), isNull(), eq("ui"), any())).thenReturn(BROKEN);

        mvc.perform(post("/audit/verification")
                        .with(user("carol").roles("AUDITOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/audit#integrity"));
        verify(audit).verify(isNull(), isNull(), eq("ui"), any());
    }

    @Test
    void theAuditPageShowsTheLastVerificationAndWhatToDo() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any()))
                .thenReturn(new AuditService.EventPage(List.of(), null, null, 0));
        when(audit.lastVerification(any())).thenReturn(new RecordedVerification("carol", BROKEN));

        mvc.perform(get("/audit").with(user("carol").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Event 42 does not verify.")))
                .andExpect(content().string(containsString("events before it were removed")))
                .andExpect(content().string(containsString("datetime=\"2026-11-28T10:15:30.123Z\"")))
                .andExpect(content().string(containsString("Verify the chain now")));
    }

    @Test
    void theAuditPageSaysWhenTheChainWasNeverVerified() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any()))
                .thenReturn(new AuditService.EventPage(List.of(), null, null, 0));

        mvc.perform(get("/audit").with(user("dave").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The chain has not been verified yet.")));
    }

    @Test
    void checkpointsDownloadAsCsv() throws Exception {
        mvc.perform(get("/api/v1/audit-events/checkpoints.csv").with(httpBasic("carol", "demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", containsString("rolecall-audit-checkpoints.csv")));
        verify(audit).exportCheckpoints(any(), eq("api"), any());
    }
}
