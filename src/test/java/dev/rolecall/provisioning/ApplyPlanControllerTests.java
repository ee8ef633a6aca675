package dev.rolecall.provisioning;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.test.UsesTestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The IAM call plan on a request's page, with the real planner and real accounts; no AWS call. */
@UsesTestDatabase
@WebMvcTest(ApplyPlanController.class)
@Import({SecuritySliceConfiguration.class, ChangePlanner.class, ApplyPlanControllerTests.Accounts.class})
class ApplyPlanControllerTests {

    static final RoleRequestId ID = new RoleRequestId(UUID.fromString("00000000-0000-0000-0000-000000000077"));
    static final String APPLYING_ACCOUNT = "444455556666";
    static final String PLAN_ONLY_ACCOUNT = "111122223333";
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {
        @Bean
        AccountRegistry accountRegistry() {
            return AccountRegistry.of(
                    new TargetAccount(
                            APPLYING_ACCOUNT, "payments-prod", "prod", "us-east-1", null, null, null, ApplyMode.APPLY),
                    new TargetAccount(
                            PLAN_ONLY_ACCOUNT,
                            "demo-sandbox",
                            "sandbox",
                            "us-east-1",
                            null,
                            null,
                            null,
                            ApplyMode.PLAN_ONLY));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    static RoleRequestView view(
            RoleRequestStatus status, String account, boolean planOnly, RoleRequestView.ApplyStepView... steps) {
        RoleSpec spec = TestSpecs.full(account, "payments-reader");
        return new RoleRequestView(
                ID,
                status,
                "alice",
                "payments",
                2,
                spec,
                "Reads reports",
                List.of(),
                null,
                List.of(steps),
                planOnly,
                status == RoleRequestStatus.FAILED ? "AccessDenied" : null,
                status == RoleRequestStatus.FAILED ? "not authorized to perform iam:PutRolePolicy" : null,
                null,
                null,
                null,
                NOW,
                NOW,
                5,
                RequestKind.CREATE,
                null);
    }

    /** In the applying account: CreateRole succeeded, then the first PutRolePolicy ended this way. */
    static RoleRequestView afterTwoCalls(RoleRequestStatus status, ApplyStepStatus second) {
        return view(
                status,
                APPLYING_ACCOUNT,
                false,
                step(1, "CreateRole", "{\"RoleName\":\"payments-reader\"}", ApplyStepStatus.SUCCEEDED),
                step(2, "PutRolePolicy", "{\"RoleName\":\"payments-reader\",\"PolicyName\":\"read-reports\"}", second));
    }

    static RoleRequestView.ApplyStepView step(int position, String call, String parameters, ApplyStepStatus status) {
        boolean failed = status == ApplyStepStatus.FAILED;
        return new RoleRequestView.ApplyStepView(
                position,
                call,
                parameters,
                status,
                failed ? "AccessDenied" : null,
                failed ? "not authorized to perform iam:PutRolePolicy" : null,
                NOW,
                1);
    }

    private ResultActions card(RoleRequestView request, MockHttpServletRequestBuilder get) throws Exception {
        given(requests.get(eq(ID), any())).willReturn(request);
        return mvc.perform(get.header("HX-Request", "true"));
    }

    private static MockHttpServletRequestBuilder plan() {
        return get("/requests/" + ID + "/plan");
    }

    @Test
    void beforeApprovalTheRequesterAndReviewersSeeTheOrderedCallsAndTheAccountTheyGoTo() throws Exception {
        RoleRequestView inReview = view(RoleRequestStatus.IN_REVIEW, APPLYING_ACCOUNT, false);
        for (var person : List.of(user("alice"), user("bob").roles("REVIEWER"))) {
            card(inReview, plan().with(person))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(containsString("Once approved, Rolecall makes these 5 IAM calls in account "
                                    + "444455556666 (payments-prod · prod), in this order.")))
                    .andExpect(content()
                            .string(stringContainsInOrder(
                                    "CreateRole",
                                    "once approved",
                                    "PutRolePolicy",
                                    "read-reports",
                                    "PutRolePolicy",
                                    "send-payments",
                                    "AttachRolePolicy",
                                    "ReadOnlyAccess",
                                    "AttachRolePolicy",
                                    "CloudWatchReadOnlyAccess")))
                    .andExpect(content().string(containsString("Computed from revision 2")))
                    .andExpect(content().string(not(containsString("hx-trigger"))));
        }
    }

    @Test
    void aCallTheSdkRetriedSaysHowOftenAndACallMadeOnceSaysNothing() throws Exception {
        RoleRequestView.ApplyStepView created =
                step(1, "CreateRole", "{\"RoleName\":\"payments-reader\"}", ApplyStepStatus.SUCCEEDED);
        RoleRequestView.ApplyStepView throttled = new RoleRequestView.ApplyStepView(
                2,
                "PutRolePolicy",
                "{\"RoleName\":\"payments-reader\",\"PolicyName\":\"read-reports\"}",
                ApplyStepStatus.SUCCEEDED,
                null,
                null,
                NOW,
                3);
        card(view(RoleRequestStatus.APPLYING, APPLYING_ACCOUNT, false, created, throttled), plan().with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(stringContainsInOrder(
                                "PutRolePolicy",
                                "succeeded",
                                "after 2 retries (AWS throttled or failed the earlier attempts)")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("after 1 retry"))));
    }

    @Test
    void aPlanOnlyAccountSaysTheCallsAreRecordedAndNotSent() throws Exception {
        card(view(RoleRequestStatus.IN_REVIEW, PLAN_ONLY_ACCOUNT, false), plan().with(user("alice")))
                .andExpect(content()
                        .string(containsString("records these 5 IAM calls for account 111122223333 "
                                + "(demo-sandbox · sandbox) and sends nothing to AWS: the account is plan-only.")));
    }

    @Test
    void anAccountRolecallDoesNotKnowIsSaidBeforeAnyoneApproves() throws Exception {
        card(view(RoleRequestStatus.IN_REVIEW, "999988887777", false), plan().with(user("alice")))
                .andExpect(content()
                        .string(containsString("Account 999988887777 is not configured in Rolecall: once approved, "
                                + "applying fails and nothing is sent to AWS.")));
    }

    @Test
    void onceApprovedEveryPlannedCallIsListedAsPendingAtOnceAndTheCardPolls() throws Exception {
        card(
                        view(RoleRequestStatus.APPROVED, APPLYING_ACCOUNT, false),
                        plan().with(user("bob").roles("REVIEWER")))
                .andExpect(content().string(containsString("0 of 5 calls made")))
                .andExpect(content()
                        .string(stringContainsInOrder(
                                "CreateRole",
                                "pending",
                                "PutRolePolicy",
                                "pending",
                                "PutRolePolicy",
                                "pending",
                                "AttachRolePolicy",
                                "pending",
                                "AttachRolePolicy",
                                "pending")))
                .andExpect(content().string(containsString("hx-get=\"/requests/" + ID + "/plan\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")));
    }

    @Test
    void whileApplyingRecordedCallsShowTheirOutcomeAndTheOthersStayPending() throws Exception {
        RoleRequestView applying = afterTwoCalls(RoleRequestStatus.APPLYING, ApplyStepStatus.SUCCEEDED);
        card(applying, plan().with(user("alice")))
                .andExpect(content().string(containsString("2 of 5 calls made")))
                .andExpect(content()
                        .string(stringContainsInOrder(
                                "CreateRole",
                                "succeeded",
                                "PutRolePolicy",
                                "succeeded",
                                "PutRolePolicy",
                                "pending",
                                "send-payments",
                                "AttachRolePolicy",
                                "pending")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")));
    }

    @Test
    void aFailedApplyShowsTheFailedCallWithTheAwsErrorAndWhatARetryMakes() throws Exception {
        RoleRequestView failed = afterTwoCalls(RoleRequestStatus.FAILED, ApplyStepStatus.FAILED);
        card(failed, plan().with(user("alice")))
                .andExpect(content().string(containsString("Stopped after 1 of 5 calls")))
                .andExpect(content()
                        .string(stringContainsInOrder(
                                "CreateRole",
                                "succeeded",
                                "PutRolePolicy",
                                "failed",
                                "AccessDenied: not authorized to perform iam:PutRolePolicy",
                                "PutRolePolicy",
                                "not made yet",
                                "read-reports")))
                .andExpect(content().string(containsString("id=\"retry\"")))
                // The card stops polling; only what exists in AWS now is read, once, on its own.
                .andExpect(content().string(not(containsString("hx-trigger=\"every"))))
                .andExpect(content().string(containsString("hx-get=\"/requests/" + failed.id() + "/live-role\"")));
        card(failed, plan().with(user("carol").roles("AUDITOR")))
                .andExpect(content().string(not(containsString("id=\"retry\""))));
    }

    @Test
    void aRecordedPlanOnlyResultSaysNothingWasSentAndStopsPolling() throws Exception {
        RoleRequestView planned = view(
                RoleRequestStatus.APPROVED,
                PLAN_ONLY_ACCOUNT,
                true,
                step(1, "CreateRole", "{\"RoleName\":\"payments-reader\"}", ApplyStepStatus.PLANNED));
        card(planned, plan().with(user("alice")))
                .andExpect(content().string(containsString("sent nothing to AWS")))
                .andExpect(content().string(stringContainsInOrder("CreateRole", "planned · not sent")))
                .andExpect(content().string(not(containsString("hx-trigger"))));
    }

    @Test
    void withoutHtmxTheSameCardIsAPageOfItsOwn() throws Exception {
        given(requests.get(eq(ID), any())).willReturn(view(RoleRequestStatus.IN_REVIEW, APPLYING_ACCOUNT, false));
        mvc.perform(plan().with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<main")))
                .andExpect(content().string(containsString("IAM calls for role payments-reader")))
                .andExpect(content().string(containsString("id=\"progress\"")));
    }

    @Test
    void someoneWhoMayNotReadTheRequestFindsNothing() throws Exception {
        given(requests.get(eq(ID), any())).willThrow(new RoleRequestNotFoundException(ID));
        mvc.perform(plan().with(user("frank")).header("HX-Request", "true")).andExpect(status().isNotFound());
        mvc.perform(plan()).andExpect(status().is3xxRedirection());
    }
}
