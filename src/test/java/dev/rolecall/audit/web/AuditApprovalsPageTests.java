package dev.rolecall.audit.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.audit.AuditEvent;
import dev.rolecall.audit.AuditFilter;
import dev.rolecall.audit.AuditService;
import dev.rolecall.audit.approvals.ApprovalReports;
import dev.rolecall.audit.approvals.StageDecisionTimes;
import dev.rolecall.audit.approvals.StageTimes;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.test.UsesTestDatabase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The audit page's time to decide per stage, and its approvals CSV download. */
@WebMvcTest(AuditController.class)
@Import(SecuritySliceConfiguration.class)
@UsesTestDatabase
class AuditApprovalsPageTests {

    private static final AuditEvent DECIDED =
            new AuditEvent(7, Instant.parse("2026-11-28T10:00:00Z"), "bob", "request.decision", null, null, null, "{}");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditService audit;

    @MockitoBean
    ApprovalReports approvals;

    @Test
    void auditorSeesTheTimeToDecidePerStageAndTheApprovalsDownloadOfTheSameFilters() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any()))
                .thenReturn(new AuditService.EventPage(List.of(DECIDED), null, null, 1));
        when(approvals.timesPerStage(eq(new AuditFilter(null, null, "bob", null)), any()))
                .thenReturn(new StageTimes(
                        List.of(
                                new StageDecisionTimes(1, 3, Duration.ofMinutes(30), Duration.ofMinutes(46)),
                                new StageDecisionTimes(2, 1, Duration.ofHours(26), Duration.ofHours(26))),
                        false));

        mvc.perform(get("/audit").with(carol()).param("actor", "bob"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/audit/approvals.csv?actor=bob\""),
                                containsString("Download approvals CSV"),
                                containsString("Time from filing to decision, per review stage"),
                                containsString("<td>30 min</td>"),
                                containsString("<td>46 min</td>"),
                                containsString("<td>1 d 2 h</td>"))))
                .andExpect(content().string(not(containsString("of the latest"))));
    }

    @Test
    void whenMoreDecisionsMatchThanAreTimedTheCaptionSaysWhichOnesAreAndWhereTheRestAre() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any()))
                .thenReturn(new AuditService.EventPage(List.of(DECIDED), null, null, 1));
        when(approvals.timesPerStage(any(), any()))
                .thenReturn(new StageTimes(
                        List.of(new StageDecisionTimes(1, 1_000, Duration.ofMinutes(30), Duration.ofMinutes(46))),
                        true));

        mvc.perform(get("/audit").with(carol()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("per review stage, of the latest 1,000 decisions for these filters."
                                + " The approvals CSV has every one.")));
    }

    @Test
    void downloadsTheApprovalsOfTheSameFiltersAsCsvAttachment() throws Exception {
        ApprovalReports.Export export = mock(ApprovalReports.Export.class);
        when(export.filename()).thenReturn("rolecall-approvals-all-20261128T120000Z.csv");
        doAnswer(invocation -> {
                    invocation
                            .<OutputStream>getArgument(0)
                            .write("request_id,revision\r\n".getBytes(StandardCharsets.UTF_8));
                    return null;
                })
                .when(export)
                .writeTo(any());
        when(approvals.startExport(eq(new AuditFilter(null, null, "bob", null)), eq("ui"), any()))
                .thenReturn(export);

        mvc.perform(get("/audit/approvals.csv").with(carol()).param("actor", "bob"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("filename=\"rolecall-approvals-all-20261128T120000Z.csv\"")))
                .andExpect(content().string("request_id,revision\r\n"));
    }

    @Test
    void requestersAndReviewersAreForbiddenTheApprovalsCsv() throws Exception {
        for (RequestPostProcessor who :
                List.of(user("alice").roles("REQUESTER"), user("bob").roles("REVIEWER"))) {
            mvc.perform(get("/audit/approvals.csv").with(who)).andExpect(status().isForbidden());
        }
        verifyNoInteractions(approvals);
    }

    private static RequestPostProcessor carol() {
        return user("carol").roles("AUDITOR");
    }
}
