package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.PolicyAnalysisService;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The trust builder through the form: live preview, the no-JavaScript build button, and what is filed. */
@UsesTestDatabase
@WebMvcTest({TrustBuilderController.class, RoleRequestController.class, RoleRevisionController.class})
@Import({SecuritySliceConfiguration.class, PolicyDocuments.class})
class TrustBuilderControllerTests {

    static final String PARTNER = "444455556666";
    static final String SUB = "repo:acme/payments-api:ref:refs/heads/main";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    AccountRegistry accounts;

    @MockitoBean
    PolicyAnalysisService analysis;

    @BeforeEach
    void accounts() {
        TargetAccount demo = new TargetAccount(
                RoleSpecs.ACCOUNT, "demo-sandbox", "sandbox", "us-east-1", null, null, null, ApplyMode.PLAN_ONLY);
        TargetAccount partner =
                new TargetAccount(PARTNER, "partner", "prod", "us-east-1", null, null, null, ApplyMode.PLAN_ONLY);
        given(accounts.all()).willReturn(List.of(demo, partner));
        given(accounts.find(RoleSpecs.ACCOUNT)).willReturn(Optional.of(demo));
        given(analysis.servicePrincipals()).willReturn(List.of("ecs-tasks.amazonaws.com", "lambda.amazonaws.com"));
    }

    static MockHttpServletRequestBuilder github(String path, String repo) {
        return post(path)
                .with(user("alice"))
                .with(csrf())
                .param("accountId", RoleSpecs.ACCOUNT)
                .param("roleName", "ci-deployer")
                .param("path", "/")
                .param("maxSessionDurationSeconds", "3600")
                .param("justification", "CI deploys payments-api")
                .param("trustPolicy", "{}")
                .param("trust.kind", "GITHUB")
                .param("trust.githubOrg", "acme")
                .param("trust.githubRepo", repo)
                .param("trust.githubRefType", "BRANCH")
                .param("trust.githubRef", "main");
    }

    @Test
    void theNewRequestFormStartsInTheBuilderWithTheServiceTrustWritten() throws Exception {
        given(accounts.all())
                .willReturn(List.of(new TargetAccount(
                        RoleSpecs.ACCOUNT,
                        "demo-sandbox",
                        "sandbox",
                        "us-east-1",
                        null,
                        null,
                        null,
                        ApplyMode.PLAN_ONLY)));
        mvc.perform(get("/requests/new").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"SERVICE\" id=\"trust-kind-SERVICE\" checked=\"checked\""),
                                containsString("&quot;aws:SourceAccount&quot; : &quot;" + RoleSpecs.ACCOUNT + "&quot;"),
                                containsString("Build trust policy"))));
    }

    @Test
    void thePreviewWritesTheGitHubTrustAndAsksForTheAnalysisAgain() throws Exception {
        mvc.perform(github("/requests/trust", "payments-api"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger-After-Settle", "trust-built"))
                .andExpect(content()
                        .string(allOf(
                                containsString("&quot;token.actions.githubusercontent.com:sub&quot; : &quot;" + SUB),
                                containsString("Only workflows on the branch main of acme/payments-api"),
                                containsString("id=\"trust-githubRepo-error\" hx-swap-oob=\"true\"></p>"))));
    }

    @Test
    void thePreviewShowsAFieldErrorBesideAnEmptyRepositoryAndKeepsTheJson() throws Exception {
        mvc.perform(github("/requests/trust", ""))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "id=\"trust-githubRepo-error\" hx-swap-oob=\"true\">Name the repository exactly"),
                                containsString(">{}</textarea>"))));
    }

    @Test
    void jsonEditedByHandReopensInTheBuilderWhenItMatches() throws Exception {
        String eks = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
        String json = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Federated":"arn:aws:iam::%s:oidc-provider/%s"},
                 "Action":"sts:AssumeRoleWithWebIdentity",
                 "Condition":{"StringEquals":{"%s:sub":"system:serviceaccount:payments:api","%s:aud":"sts.amazonaws.com"}}}]}""".formatted(RoleSpecs.ACCOUNT, eks, eks, eks);
        mvc.perform(post("/requests/trust")
                        .with(user("alice"))
                        .with(csrf())
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("trustSource", "json")
                        .param("trust.kind", "JSON")
                        .param("trustPolicy", json))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"EKS\" id=\"trust-kind-EKS\" checked=\"checked\""),
                                containsString("name=\"trust.namespace\" value=\"payments\""))));
        mvc.perform(post("/requests/trust")
                        .with(user("alice"))
                        .with(csrf())
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("trustSource", "json")
                        .param("trust.kind", "GITHUB")
                        .param("trustPolicy", json.replace("system:serviceaccount:payments:api", "*")))
                .andExpect(
                        content().string(containsString("value=\"JSON\" id=\"trust-kind-JSON\" checked=\"checked\"")));
    }

    @Test
    void withoutJavaScriptTheBuildButtonFillsTheJsonAndNothingIsFiled() throws Exception {
        mvc.perform(github("/requests", "payments-api").param("buildTrust", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&quot;" + SUB + "&quot;")));
        mvc.perform(post("/requests")
                        .with(user("alice"))
                        .with(csrf())
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("buildTrust", "1")
                        .param("trust.kind", "ACCOUNT")
                        .param("trust.account", "12345")
                        .param("trust.externalId", "x"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("An AWS account id is 12 digits"),
                                containsString("href=\"#trust-account\""),
                                containsString("An ExternalId is 2–1224 characters"))));
        verify(requests, never()).submit(any(), anyList(), any());
    }

    @Test
    void submittingFilesTheBuiltPolicyAndBadFieldsBecomeProblems() throws Exception {
        ArgumentCaptor<SubmitRoleRequest> command = ArgumentCaptor.forClass(SubmitRoleRequest.class);
        ArgumentCaptor<List<FieldProblem>> problems = ArgumentCaptor.captor();
        given(requests.submit(command.capture(), problems.capture(), any(CurrentUser.class)))
                .willReturn(RoleRequestControllerTests.view(RoleRequestStatus.IN_REVIEW, "alice"));
        mvc.perform(github("/requests", "payments-api")).andExpect(status().is3xxRedirection());
        assertThat(command.getValue()
                        .spec()
                        .trustPolicy()
                        .at("/Statement/0/Condition/StringEquals")
                        .path("token.actions.githubusercontent.com:sub")
                        .asString())
                .isEqualTo(SUB);
        assertThat(problems.getValue()).isEmpty();

        mvc.perform(github("/requests", ""));
        assertThat(problems.getValue()).extracting(FieldProblem::field).containsExactly("trust.githubRepo");
    }

    @Test
    void anAccountOutsideTheRegistryIsRefused() throws Exception {
        mvc.perform(post("/requests/trust")
                        .with(user("alice"))
                        .with(csrf())
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("trust.kind", "ACCOUNT")
                        .param("trust.account", "999988887777")
                        .param("trust.externalId", "abc123"))
                .andExpect(content()
                        .string(allOf(
                                containsString("not in Rolecall&#39;s account registry"),
                                not(containsString("999988887777:root")))));
    }

    @Test
    void aRevisionReopensItsTrustInTheBuilderAndBuildsOnTheRevisionForm() throws Exception {
        given(requests.getForRevision(eq(RoleRequestViews.ID), any()))
                .willReturn(RoleRequestViews.alices(RoleRequestStatus.CHANGES_REQUESTED, 1, RoleSpecs.valid()));
        String revise = "/requests/" + RoleRequestViews.ID + "/revise";
        mvc.perform(get(revise).with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"SERVICE\" id=\"trust-kind-SERVICE\" checked=\"checked\""),
                                containsString("name=\"trust.service\" value=\"lambda.amazonaws.com\""))));
        mvc.perform(github(revise, "payments-api").param("buildTrust", "1").param("version", "3"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("action=\"" + revise + "\""),
                                containsString("&quot;" + SUB + "&quot;"))));
        verify(requests, never()).revise(any(), any(), any(), anyList(), any());
    }

    @Test
    void onlyTheRequesterBuildsOnTheRevisionForm() throws Exception {
        given(requests.getForRevision(eq(RoleRequestViews.ID), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_THE_REQUESTER));
        mvc.perform(github("/requests/" + RoleRequestViews.ID + "/revise", "payments-api")
                        .param("buildTrust", "1")
                        .with(user("bob").roles("REVIEWER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theServicePrincipalsComeAsOptions() throws Exception {
        mvc.perform(get("/requests/trust/services").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<option value=\"ecs-tasks.amazonaws.com\"></option>"),
                                containsString("<option value=\"lambda.amazonaws.com\"></option>"))));
    }
}
