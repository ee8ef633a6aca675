package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestSummary;
import dev.rolecall.request.inbox.InboxChoices;
import dev.rolecall.request.inbox.InboxCursor;
import dev.rolecall.request.inbox.InboxFilter;
import dev.rolecall.request.inbox.InboxPage;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.inbox.InboxSort;
import dev.rolecall.test.UsesTestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The inbox's filter form, sorts and links, its field errors, and the nav's count of what waits for me. */
@UsesTestDatabase
@WebMvcTest({InboxController.class, DecisionController.class})
@Import(SecuritySliceConfiguration.class)
class InboxControllerTests {

    static final InboxCursor NEXT = new InboxCursor(1, Instant.parse("2026-11-01T00:00:00Z"), UUID.randomUUID());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    InboxService inbox;

    @BeforeEach
    void choices() {
        given(inbox.choices())
                .willReturn(new InboxChoices(
                        List.of("111122223333", "444455556666"),
                        List.of("prod", "sandbox"),
                        List.of("iam-passrole-star")));
        RoleRequestSummary row = new RoleRequestSummary(
                new RoleRequestId(UUID.randomUUID()),
                RoleRequestStatus.IN_REVIEW,
                "alice",
                "payments",
                "444455556666",
                "filtered-role",
                1,
                RiskLevel.HIGH,
                "iam-passrole-star",
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                null);
        given(inbox.page(any(), any(), any(), any(), any(), any(), anyInt()))
                .willReturn(new InboxPage(List.of(row), null, NEXT, 1L));
    }

    @Test
    void theFiltersReachTheServiceAndStayInEveryTabAndPageLink() throws Exception {
        mvc.perform(get("/inbox")
                        .param("tab", "ALL_OPEN")
                        .param("sort", "RISK")
                        .param("account", "444455556666")
                        .param("risk", "HIGH")
                        .param("kind", "CREATE")
                        .param("finding", "iam-passrole-star")
                        .param("text", "pay role")
                        .with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("filtered-role")))
                .andExpect(content().string(containsString("<label for=\"filter-account\">Account</label>")))
                .andExpect(content()
                        .string(containsString(
                                "href=\"/inbox?tab=MY_GROUPS&amp;sort=RISK&amp;account=444455556666&amp;risk=HIGH&amp;kind=CREATE"
                                        + "&amp;finding=iam-passrole-star&amp;text=pay+role\"")))
                .andExpect(content().string(containsString("text=pay+role&amp;after=" + NEXT + "\"")))
                .andExpect(content().string(containsString("<option value=\"RISK\" selected=\"selected\">")));
        verify(inbox)
                .page(
                        any(),
                        eq(InboxTab.ALL_OPEN),
                        eq(new InboxFilter(
                                "444455556666",
                                null,
                                RiskLevel.HIGH,
                                RequestKind.CREATE,
                                null,
                                "iam-passrole-star",
                                "pay role")),
                        eq(InboxSort.RISK),
                        eq(null),
                        eq(null),
                        anyInt());
    }

    @ParameterizedTest
    @CsvSource({
        "account, 999999999999, No account with this id is configured",
        "environment, staging, No configured account is in this environment",
        "risk, EXTREME, Choose a risk level from the list",
        "kind, RENAME, Choose a kind from the list",
        "finding, no-such-finding, No finding has this code",
        "requester, 'al ice', A user name has 1 to 64 letters"
    })
    void aValueTheConsoleDoesNotKnowIsAFieldErrorAndListsNothing(String field, String value, String error)
            throws Exception {
        mvc.perform(get("/inbox")
                        .param(field, value)
                        .param("text", "kept")
                        .with(user("bob").roles("REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"filter-" + field + "-error\"")))
                .andExpect(content().string(containsString(error)))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("value=\"kept\"")))
                .andExpect(content().string(containsString("Fix the filters above to see requests.")))
                .andExpect(content().string(not(containsString("filtered-role"))));
        verify(inbox, never()).page(any(), any(), any(), any(), any(), any(), anyInt());
    }

    @Test
    void anHtmxRequestGetsTheInboxWithoutTheLayout() throws Exception {
        mvc.perform(get("/inbox").header("HX-Request", "true").with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<div id=\"inbox\">")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void decidedByMeOffersTheAgeSortsOnly() throws Exception {
        mvc.perform(get("/inbox")
                        .param("tab", "DECIDED_BY_ME")
                        .param("sort", "SLA")
                        .with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("value=\"SLA\""))))
                .andExpect(content().string(containsString("<option value=\"OLDEST\" selected=\"selected\">")));
        verify(inbox).page(any(), eq(InboxTab.DECIDED_BY_ME), any(), eq(InboxSort.OLDEST), any(), any(), anyInt());
    }

    @Test
    void theNavShowsHowManyWaitForAReviewerAndNothingForOthers() throws Exception {
        given(inbox.waitingFor("bob", true)).willReturn(OptionalLong.of(3));
        given(inbox.waitingFor("erin", true)).willReturn(OptionalLong.of(0));
        given(inbox.waitingFor("dave", false)).willReturn(OptionalLong.empty());
        mvc.perform(get("/inbox").with(user("bob").roles("REVIEWER")))
                .andExpect(content()
                        .string(containsString(
                                "<span class=\"count\" id=\"nav-waiting\" aria-hidden=\"true\">3</span>")))
                .andExpect(content().string(containsString(", 3 waiting for you")));
        mvc.perform(get("/inbox").with(user("erin").roles("REVIEWER")))
                .andExpect(content().string(not(containsString("nav-waiting"))));
        mvc.perform(get("/inbox").with(user("dave").roles("ADMIN")))
                .andExpect(content().string(not(containsString("nav-waiting"))));
    }
}
