package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.request.spec.RoleRequestCheck;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@UsesTestDatabase
@WebMvcTest(RoleRequestController.class)
@Import({SecuritySliceConfiguration.class, PolicyDocuments.class})
class RoleRequestControllerTests {

    static final RoleRequestId ID = RoleRequestViews.ID;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    AccountRegistry accounts;

    @BeforeEach
    void accounts() {
        TargetAccount demo = new TargetAccount(
                RoleSpecs.ACCOUNT, "demo-sandbox", "sandbox", "us-east-1", null, null, null, ApplyMode.PLAN_ONLY);
        given(accounts.all()).willReturn(List.of(demo));
        given(accounts.find(RoleSpecs.ACCOUNT)).willReturn(Optional.of(demo));
    }

    /** The request's page as an unrouted request shows it, with no emergency review for the reader. */
    static RoleRequestService.RequestPage page(RoleRequestView request) {
        return new RoleRequestService.RequestPage(request, Optional.empty(), false);
    }

    static RoleRequestView view(RoleRequestStatus status, String requester) {
        return RoleRequestViews.view(
                status, requester, 1, RoleSpecs.valid(), List.of(), RiskLevel.HIGH, "iam-passrole-star", 3);
    }

    @Test
    void signedOutPeopleAreSentToSignIn() throws Exception {
        mvc.perform(get("/requests/new")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theFormRendersWithTheConfiguredAccounts() throws Exception {
        mvc.perform(get("/requests/new").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("demo-sandbox · 111122223333 · sandbox · plan-only")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
    }

    @Test
    void postingWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/requests").with(user("alice")).param("roleName", "x"))
                .andExpect(status().isForbidden());
        verify(requests, never()).submit(any(), anyList(), any());
    }

    @Test
    void aValidFormIsSubmittedAndRedirectsToTheRequest() throws Exception {
        given(requests.submit(any(), anyList(), any())).willReturn(view(RoleRequestStatus.IN_REVIEW, "alice"));
        mvc.perform(post("/requests")
                        .with(user("alice"))
                        .with(csrf())
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("roleName", "ci-deployer")
                        .param("path", "/")
                        .param("trustPolicy", RoleSpecs.lambdaTrust().toString())
                        .param("inlinePolicies[0].name", "read-logs")
                        .param(
                                "inlinePolicies[0].document",
                                RoleSpecs.readLogs().toString())
                        .param("maxSessionDurationSeconds", "3600")
                        .param("tags[0].key", "team")
                        .param("tags[0].value", "payments")
                        .param("justification", "CI deploys"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/requests/" + ID))
                .andExpect(flash().attributeExists("flash"));
        verify(requests)
                .submit(
                        org.mockito.ArgumentMatchers.argThat(
                                command -> command.spec().roleName().equals("ci-deployer")
                                        && command.spec().inlinePolicies().containsKey("read-logs")
                                        && command.spec().tags().equals(Map.of("team", "payments"))),
                        eq(List.of()),
                        any(CurrentUser.class));
    }

    @Test
    void invalidInputIsShownUnderEachFieldAndNothingIsSaved() throws Exception {
        given(requests.submit(any(), anyList(), any()))
                .willThrow(new RoleSpecInvalidException(List.of(
                        new FieldProblem("trustPolicy", "This is not valid JSON (line 1, column 2): broken"),
                        new FieldProblem("roleName", "Role name must be 1–64 characters"),
                        new FieldProblem("tags.aws:x", "Tag keys starting with aws: are reserved by AWS"))));
        mvc.perform(post("/requests")
                        .with(user("alice"))
                        .with(csrf())
                        .param("roleName", "bad name")
                        .param("trustPolicy", "{")
                        .param("tags[0].key", "aws:x")
                        .param("tags[0].value", "1")
                        .param("maxSessionDurationSeconds", "3600"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "trustPolicy", "roleName", "tags[0].key"))
                .andExpect(content().string(containsString("Fix 3 problem(s) before submitting")))
                .andExpect(content().string(containsString("href=\"#tags-0-key\"")));
    }

    @Test
    void addingAnInlinePolicyRowKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/requests")
                        .with(user("alice"))
                        .with(csrf())
                        .param("addInline", "1")
                        .param("roleName", "kept-name")
                        .param("inlinePolicies[0].name", "first"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"kept-name\"")))
                .andExpect(content().string(containsString("id=\"inlinePolicies-1-name\"")));
        verify(requests, never()).submit(any(), anyList(), any());
    }

    @Test
    void theLiveCheckAnswersWithTheAnalysisFragmentOnly() throws Exception {
        given(requests.check(any(), anyList()))
                .willReturn(new RoleRequestCheck(
                        List.of(new FieldProblem("tags.aws:x", "Tag keys starting with aws: are reserved by AWS")),
                        new PolicyAnalysis(
                                RiskLevel.LOW, null, List.of(), "0.0.1", java.time.LocalDate.EPOCH, 1, true)));
        mvc.perform(post("/requests/check")
                        .with(user("alice"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("roleName", "ci")
                        .param("tags[0].key", "aws:x")
                        .param("tags[0].value", "v"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"live-findings\"")))
                .andExpect(content().string(containsString(">Tag key: Tag keys starting with aws: are reserved")))
                .andExpect(content().string(containsString("No findings. Checked 1 policy and the trust policy")))
                .andExpect(content().string(not(containsString("<html"))));
        verify(requests, never()).submit(any(), anyList(), any());
    }

    @Test
    void theFindingsPanelShowsEachCategoryAndSeverityTheAnalysisMakes() throws Exception {
        PolicyAnalysis analysis = PolicyFixtures.analyser()
                .analyse(PolicyAnalysisRequest.builder()
                        .permissionPolicy(new PolicyInput("audit", """
                                {"Version": "2012-10-17", "Statement": [
                                  {"Effect": "Allow", "Action": "cloudtrail:StopLogging", "Resource": "*"},
                                  {"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::exports"},
                                  {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "*"}]}"""))
                        .build());
        given(requests.check(any(), anyList())).willReturn(new RoleRequestCheck(List.of(), analysis));
        mvc.perform(post("/requests/check")
                        .with(user("alice"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("roleName", "audit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("defence-evasion")))
                .andExpect(content().string(containsString("Defence evasion")))
                .andExpect(content().string(containsString("resource-exposure")))
                .andExpect(content().string(containsString("s3:PutBucketPolicy on arn:aws:s3:::exports")))
                .andExpect(content().string(containsString("This statement grants nothing")))
                .andExpect(content().string(containsString("<a href=\"#findings-security\">Security (3)</a>")))
                .andExpect(content().string(containsString("<a href=\"#findings-warnings\">Warnings (1)</a>")))
                .andExpect(content().string(containsString("<div id=\"findings-security\">")))
                .andExpect(content().string(not(containsString("<div id=\"findings-blocking\">"))));
    }

    @Test
    void someoneElsesRequestIsNotFound() throws Exception {
        given(requests.page(eq(ID), any())).willThrow(new RoleRequestNotFoundException(ID));
        mvc.perform(get("/requests/" + ID).with(user("frank")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("not yours to see")));
    }

    @Test
    void aMalformedIdIsNotFound() throws Exception {
        mvc.perform(get("/requests/not-a-uuid").with(user("alice"))).andExpect(status().isNotFound());
    }

    @Test
    void aRaisedRiskBadgeSaysWhyNextToTheFindingThatSetIt() throws Exception {
        RoleRequestView base = view(RoleRequestStatus.IN_REVIEW, "alice");
        RoleRequestView raised = new RoleRequestView(
                base.id(),
                base.status(),
                base.requester(),
                base.requesterTeam(),
                base.revision(),
                base.spec(),
                base.justification(),
                base.decisions(),
                base.roleArn(),
                base.applySteps(),
                base.planOnly(),
                null,
                null,
                RiskLevel.CRITICAL,
                "iam-passrole-star",
                "raised from HIGH: a compute service can assume this role",
                base.createdAt(),
                base.updatedAt(),
                base.version(),
                RequestKind.CREATE,
                null);
        given(requests.page(eq(ID), any())).willReturn(page(raised));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CRITICAL · iam-passrole-star")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "class=\"risk-reason small\">raised from HIGH: a compute service can assume this role")));
    }

    @Test
    void theRequesterSeesWhyTheyCannotApproveAndCanWithdraw() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.IN_REVIEW, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("alice").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You can't approve: you filed this request")))
                .andExpect(content().string(not(containsString("id=\"decision-form\""))))
                .andExpect(content().string(containsString("id=\"withdraw\"")));
    }

    @Test
    void theRequesterIsOfferedReviseWhileTheRequestIsInReviewOrWaitingForChanges() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.CHANGES_REQUESTED, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/requests/" + ID + "/revise\"")))
                .andExpect(content()
                        .string(containsString(
                                "Changes requested: revise it to answer the reviewers, or withdraw it.")));
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.IN_REVIEW, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("alice")))
                .andExpect(content().string(containsString("id=\"revise\"")));
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.APPROVED, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("alice")))
                .andExpect(content().string(not(containsString("id=\"revise\""))))
                .andExpect(content().string(containsString("Approved: Rolecall is preparing the IAM calls.")));
    }

    @Test
    void aReviewerIsToldWhoActsAndIsNotOfferedRevise() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.CHANGES_REQUESTED, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"revise\""))))
                .andExpect(content()
                        .string(containsString("Changes requested: waiting for alice to revise or withdraw it.")));
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.IN_REVIEW, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(content().string(not(containsString("id=\"revise\""))))
                .andExpect(content().string(containsString("you can approve it, request changes or reject it")));
        mvc.perform(get("/requests/" + ID).with(user("carol").roles("AUDITOR")))
                .andExpect(content().string(containsString("id=\"next-step\"")))
                .andExpect(content().string(containsString("Waiting for a reviewer to approve it")));
    }

    @Test
    void aRevisedRequestLoadsItsChangesSinceThePreviousRevision() throws Exception {
        RoleRequestView first = view(RoleRequestStatus.IN_REVIEW, "alice");
        given(requests.page(eq(ID), any())).willReturn(page(first));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(content().string(not(containsString("id=\"revision-changes\""))));
        RoleRequestView second = RoleRequestViews.view(
                RoleRequestStatus.IN_REVIEW, "alice", 2, first.spec(), List.of(), RiskLevel.LOW, null, 6);
        given(requests.page(eq(ID), any())).willReturn(page(second));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(content().string(containsString("hx-get=\"/requests/" + ID + "/revisions\"")))
                .andExpect(content().string(containsString("Show the changes since revision 1")));
    }

    @Test
    void aReviewerSeesTheDecisionPanelWithTheVersion() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.IN_REVIEW, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decision-form\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"3\"")))
                .andExpect(content().string(containsString("HIGH · iam-passrole-star")));
    }

    @Test
    void afterAnErrorThePanelKeepsTheChosenVerbAndTheCommentAndShowsTheErrorUnderTheComment() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.IN_REVIEW, "alice")));
        mvc.perform(get("/requests/" + ID)
                        .with(user("bob").roles("REVIEWER"))
                        .flashAttr("decisionErrors", Map.of("comment", "Add a comment that tells the requester why."))
                        .flashAttr("decisionChosen", "REJECT")
                        .flashAttr("decisionComment", "Too broad <for now>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decision-reject\" checked=\"checked\"")))
                .andExpect(content().string(not(containsString("id=\"decision-approve\" checked"))))
                .andExpect(content().string(containsString(">Too broad &lt;for now&gt;</textarea>")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content()
                        .string(containsString(
                                "id=\"comment-error\">Add a comment that tells the requester why.</p>")));
    }

    @Test
    void aHighRiskRequestSaysUpFrontThatApprovingNeedsAComment() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.IN_REVIEW, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(content().string(containsString("this request is HIGH risk, so approving needs a comment")))
                .andExpect(content().string(not(containsString("checked=\"checked\""))))
                .andExpect(content().string(not(containsString("comment-error"))));
    }

    @Test
    void theRequesterCanAnswerWithACommentThatDecidesNothing() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.IN_REVIEW, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("alice")))
                .andExpect(content().string(containsString("id=\"comment-form\"")))
                .andExpect(content().string(containsString("name=\"decision\" value=\"COMMENT\"")))
                .andExpect(content().string(not(containsString("id=\"decision-form\""))));
    }

    @Test
    void aReviewerChoosesAmongCommentApproveRequestChangesAndReject() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.IN_REVIEW, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(content().string(containsString("id=\"decision-comment\"")))
                .andExpect(content().string(containsString("id=\"decision-approve\"")))
                .andExpect(content().string(not(containsString("id=\"comment-form\""))));
    }

    @Test
    void whileChangesAreRequestedEveryoneInTheConversationMayCommentAndNobodyDecides() throws Exception {
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.CHANGES_REQUESTED, "alice")));
        for (var person : List.of(user("alice"), user("bob").roles("REVIEWER"))) {
            mvc.perform(get("/requests/" + ID).with(person))
                    .andExpect(content().string(containsString("id=\"comment-form\"")))
                    .andExpect(content().string(not(containsString("id=\"decision-form\""))));
        }
        given(requests.page(eq(ID), any())).willReturn(page(view(RoleRequestStatus.APPLIED, "alice")));
        mvc.perform(get("/requests/" + ID).with(user("bob").roles("REVIEWER")))
                .andExpect(content().string(not(containsString("id=\"comment-form\""))));
    }

    @Test
    void withdrawingSomeoneElsesRequestIsForbidden() throws Exception {
        given(requests.withdraw(eq(ID), eq(3L), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_THE_REQUESTER));
        mvc.perform(post("/requests/" + ID + "/withdraw")
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("version", "3"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the person who filed this request")));
    }

    @Test
    void aRetryRedirectsToTheRequestAndIsRefusedToOthers() throws Exception {
        given(requests.retry(eq(ID), eq(5L), any())).willReturn(view(RoleRequestStatus.APPLYING, "alice"));
        mvc.perform(post("/requests/" + ID + "/retry")
                        .with(user("alice"))
                        .with(csrf())
                        .param("version", "5"))
                .andExpect(redirectedUrl("/requests/" + ID))
                .andExpect(flash().attribute("flash", containsString("Retrying from the failed step")));
        given(requests.retry(eq(ID), eq(6L), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.CANNOT_RETRY));
        mvc.perform(post("/requests/" + ID + "/retry")
                        .with(user("carol").roles("AUDITOR"))
                        .with(csrf())
                        .param("version", "6"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the requester, a reviewer or an admin can retry")));
    }

    @Test
    void theApplyCardLoadsTheRequestsIamCallsAtOnce() throws Exception {
        for (RoleRequestStatus status : List.of(RoleRequestStatus.IN_REVIEW, RoleRequestStatus.APPROVED)) {
            given(requests.page(eq(ID), any())).willReturn(page(view(status, "alice")));
            mvc.perform(get("/requests/" + ID).with(user("alice")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("hx-get=\"/requests/" + ID + "/plan\"")))
                    .andExpect(content().string(containsString("hx-trigger=\"load\"")))
                    .andExpect(content().string(containsString("href=\"/requests/" + ID + "/plan\"")));
        }
    }
}
