package dev.rolecall.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.audit.AuditEvent;
import dev.rolecall.audit.AuditExports;
import dev.rolecall.audit.AuditFilter;
import dev.rolecall.audit.AuditService;
import dev.rolecall.audit.approvals.ApprovalReports;
import dev.rolecall.audit.approvals.StageTimes;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.test.UsesTestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@UsesTestDatabase
@WebMvcTest(AuditController.class)
@Import(SecuritySliceConfiguration.class)
class AuditControllerTests {

    private static final UUID REQUEST = UUID.fromString("3f2b9c1e-8a4d-4c6b-9f1e-2d7a5b3c4e6f");
    private static final AuditEvent APPROVED = new AuditEvent(
            12,
            Instant.parse("2026-11-28T10:15:30.123Z"),
            "bob",
            "request.decision",
            REQUEST,
            "111122223333",
            "ci-deployer",
            "{\"comment\":\"ok\",\"decision\":\"APPROVE\",\"revision\":1}");
    private static final AuditEvent EXPORTED = new AuditEvent(
            13, Instant.parse("2026-11-28T11:00:00Z"), "carol", "audit.exported", null, null, null, "{}");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditService audit;

    /** The audit page also shows the time to decide per stage; these tests look at its events. */
    @MockitoBean
    ApprovalReports approvals;

    @BeforeEach
    void noDecisionsToTime() {
        when(approvals.timesPerStage(any(), any())).thenReturn(new StageTimes(List.of(), false));
    }

    @Test
    void auditorSeesEachEventWithTimeActorActionRequestAccountRoleAndDetails() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any())).thenReturn(page(List.of(EXPORTED, APPROVED), 2));

        mvc.perform(get("/audit").with(carol()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<time datetime=\"2026-11-28T10:15:30.123Z\" data-relative>2026-11-28T10:15:30.123Z</time>"),
                                containsString("<td>bob</td>"),
                                containsString("<code>request.decision</code>"),
                                containsString("href=\"/requests/3f2b9c1e-8a4d-4c6b-9f1e-2d7a5b3c4e6f\""),
                                containsString("<td>111122223333</td>"),
                                containsString("<td>ci-deployer</td>"),
                                containsString("<summary>comment=ok, decision=APPROVE, revision=1</summary>"),
                                containsString("&quot;decision&quot; : &quot;APPROVE&quot;"),
                                containsString("<code>audit.exported</code>"),
                                containsString("href=\"/audit/export.csv\""),
                                containsString("Download CSV (2 events)"),
                                not(containsString("class=\"pager\"")),
                                not(containsString("No audit events yet.")),
                                not(containsString("<script>")),
                                not(containsString("style=")))));
    }

    @Test
    void adminMayReadTheTrailToo() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any())).thenReturn(page(List.of(APPROVED), 1));

        mvc.perform(get("/audit").with(user("dave").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Download CSV (1 event)")));
    }

    @Test
    void filtersAreGetParametersPassedToTheServiceAndKeptInTheCsvLink() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any())).thenReturn(page(List.of(APPROVED), 1));

        mvc.perform(get("/audit")
                        .with(carol())
                        .param("from", "2026-11-01T00:00")
                        .param("to", "2026-11-07")
                        .param("actor", "bob")
                        .param("requestId", REQUEST.toString()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "href=\"/audit/export.csv?from=2026-11-01T00%3A00&amp;to=2026-11-07&amp;actor=bob&amp;requestId="
                                                + REQUEST + "\""),
                                containsString("value=\"2026-11-01T00:00:00\""),
                                containsString("value=\"2026-11-08T00:00:00\""),
                                containsString("value=\"bob\""),
                                containsString("Clear filters"))));

        ArgumentCaptor<AuditFilter> filter = ArgumentCaptor.forClass(AuditFilter.class);
        verify(audit).find(filter.capture(), isNull(), isNull(), eq(50), any(CurrentUser.class));
        assertThat(filter.getValue())
                .isEqualTo(new AuditFilter(
                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-08T00:00:00Z"), "bob", REQUEST));
    }

    @Test
    void acceptsIso8601WithAnOffsetAndConvertsToUtc() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any())).thenReturn(page(List.of(), 0));

        mvc.perform(get("/audit").with(carol()).param("from", "2026-11-01T10:00:00+02:00"))
                .andExpect(status().isOk());

        ArgumentCaptor<AuditFilter> filter = ArgumentCaptor.forClass(AuditFilter.class);
        verify(audit).find(filter.capture(), any(), any(), anyInt(), any());
        assertThat(filter.getValue().from()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    }

    @Test
    void saysWhenThereAreNoEventsAtAll() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any())).thenReturn(page(List.of(), 0));

        mvc.perform(get("/audit").with(carol()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("No audit events yet."),
                                not(containsString("No events match these filters.")),
                                not(containsString("Download CSV")),
                                not(containsString("<table")))));
    }

    @Test
    void saysWhenNoEventsMatchTheFiltersAndOffersToClearThem() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any())).thenReturn(page(List.of(), 0));

        mvc.perform(get("/audit").with(carol()).param("actor", "nobody"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("No events match these filters."),
                                containsString("<a class=\"button\" href=\"/audit\">Clear filters</a>"),
                                not(containsString("No audit events yet.")))));
    }

    @Test
    void pagesByPositionKeepingTheFilters() throws Exception {
        List<AuditEvent> fifty = LongStream.range(0, 50).mapToObj(i -> APPROVED).toList();
        when(audit.find(any(), any(), any(), anyInt(), any()))
                .thenReturn(new AuditService.EventPage(fifty, 900L, 950L, 420));

        mvc.perform(get("/audit").with(carol()).param("actor", "bob").param("older", "1000"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("class=\"pager\""),
                                containsString("<a href=\"/audit?actor=bob\">Newest</a>"),
                                containsString("<a href=\"/audit?actor=bob&amp;newer=950\" rel=\"prev\">Newer</a>"),
                                containsString("<a href=\"/audit?actor=bob&amp;older=900\" rel=\"next\">Older</a>"),
                                containsString("420 events, newest first"))));
        verify(audit).find(any(), eq(1000L), isNull(), eq(50), any());
    }

    @Test
    void aLargeTrailShowsItsCountAsALowerBound() throws Exception {
        List<AuditEvent> fifty = LongStream.range(0, 50).mapToObj(i -> APPROVED).toList();
        when(audit.find(any(), any(), any(), anyInt(), any()))
                .thenReturn(new AuditService.EventPage(fifty, 900L, null, AuditService.COUNT_LIMIT + 1));

        mvc.perform(get("/audit").with(carol()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("10,000+ events, newest first"),
                                containsString("Download CSV (10,000+ events)"),
                                not(containsString("Newest</a>")),
                                containsString("<a href=\"/audit?older=900\" rel=\"next\">Older</a>"))));
    }

    @Test
    void aChosenPageSizeIsUsedAndKeptByTheFormAndThePager() throws Exception {
        List<AuditEvent> twenty =
                LongStream.range(0, 20).mapToObj(i -> APPROVED).toList();
        when(audit.find(any(), any(), any(), anyInt(), any()))
                .thenReturn(new AuditService.EventPage(twenty, 7L, null, 45));

        mvc.perform(get("/audit").with(carol()).param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<input type=\"hidden\" name=\"size\" value=\"20\">"),
                                containsString("<a href=\"/audit?older=7&amp;size=20\" rel=\"next\">Older</a>"))));
        verify(audit).find(any(), isNull(), isNull(), eq(20), any());
    }

    @Test
    void aPositionPastTheEndSaysSoAndLeadsBackToTheNewest() throws Exception {
        when(audit.find(any(), any(), any(), anyInt(), any()))
                .thenReturn(new AuditService.EventPage(List.of(), null, null, 120));

        mvc.perform(get("/audit").with(carol()).param("older", "1"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("No more events here."), not(containsString("No audit events yet.")))));
    }

    @Test
    void unreadableFiltersShowTheirProblemAndQueryNothing() throws Exception {
        mvc.perform(get("/audit").with(carol()).param("from", "yesterday").param("requestId", "42"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Use an ISO-8601 time in UTC, e.g. 2026-11-28T10:15:30Z"),
                                containsString("A request id looks like"),
                                containsString("value=\"yesterday\""),
                                not(containsString("No audit events yet.")))));
        verifyNoInteractions(audit);
    }

    @Test
    void aPositionThatIsNoEventNumberIsRefusedInWordsAndQueriesNothing() throws Exception {
        for (String field : List.of("older", "newer")) {
            for (String position : List.of("99999999999999999999", "0", "-1", "two")) {
                mvc.perform(get("/audit").with(carol()).param(field, position))
                        .andExpect(status().isBadRequest())
                        .andExpect(content()
                                .string(allOf(
                                        containsString(field + ": <span>A position is the event number of an Older"),
                                        not(containsString("Exception")))));
            }
        }
        verifyNoInteractions(audit);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() throws Exception {
        mvc.perform(get("/audit").with(carol()).param("from", "2026-11-08").param("to", "2026-11-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("To must be later than From.")));
        verifyNoInteractions(audit);
    }

    @Test
    void requestersAndReviewersAreForbiddenThePageAndTheDownload() throws Exception {
        for (RequestPostProcessor who :
                List.of(user("alice").roles("REQUESTER"), user("bob").roles("REVIEWER"))) {
            mvc.perform(get("/audit").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/audit/export.csv").with(who)).andExpect(status().isForbidden());
        }
        verifyNoInteractions(audit);
    }

    @Test
    void anonymousPeopleAreSentToSignIn() throws Exception {
        for (String path : List.of("/audit", "/audit/export.csv")) {
            mvc.perform(get(path))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", endsWith("/login")));
        }
        verifyNoInteractions(audit);
    }

    @Test
    void downloadsTheSameQueryAsCsvAttachment() throws Exception {
        AuditFilter filter = new AuditFilter(Instant.parse("2026-11-01T00:00:00Z"), null, "bob", null);
        AuditEvent risky = new AuditEvent(
                14,
                Instant.parse("2026-11-28T12:00:00Z"),
                "bob",
                "request.decision",
                REQUEST,
                "111122223333",
                "=cmd|' /C calc'!A0",
                "{\"comment\":\"line one\\nline two, \\\"quoted\\\"\"}");
        AuditService.Export export =
                AuditExports.of(filter, Instant.parse("2026-11-28T12:30:00Z"), List.of(APPROVED, risky));
        when(audit.startExport(eq(filter), eq("ui"), any())).thenReturn(export);

        MvcResult result = mvc.perform(get("/audit/export.csv")
                        .with(carol())
                        .param("from", "2026-11-01T00:00:00Z")
                        .param("actor", "bob"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                allOf(
                                        startsWith("attachment;"),
                                        containsString(
                                                "filename=\"rolecall-audit-20261101T000000Z-20261128T123000Z.csv\""))))
                .andReturn();

        String csv = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith(
                        "event_id,occurred_at,actor,action,request_id,account_id,role_name,details,prev_hash,hash\r\n"
                                + "12,2026-11-28T10:15:30.123Z,bob,request.decision," + REQUEST
                                + ",111122223333,ci-deployer,");
        assertThat(csv)
                .contains(
                        "14,2026-11-28T12:00:00.000Z,bob,request.decision," + REQUEST
                                + ",111122223333,'=cmd|' /C calc'!A0,\"{\"\"comment\"\":\"\"line one\\nline two, \\\"\"quoted\\\"\"\"\"}\",,\r\n");
        verify(audit, never()).find(any(), any(), any(), anyInt(), any());
    }

    @Test
    void anUnreadableDownloadFilterShowsThePageWithTheProblem() throws Exception {
        mvc.perform(get("/audit/export.csv").with(carol()).param("to", "2026-13-45"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Use an ISO-8601 time in UTC")));
        verifyNoInteractions(audit);
    }

    private static RequestPostProcessor carol() {
        return SecurityMockMvcRequestPostProcessors.user("carol").roles("AUDITOR");
    }

    private static AuditService.EventPage page(List<AuditEvent> events, long total) {
        return new AuditService.EventPage(events, null, null, total);
    }
}
