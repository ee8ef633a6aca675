package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** "Request a change" and "Delete": forms from the live role, refusals in words, what is filed. */
@UsesTestDatabase
@WebMvcTest({ChangeRequestController.class, RoleRequestController.class})
@Import({SecuritySliceConfiguration.class, PolicyDocuments.class})
class ChangeRequestControllerTests {

    static final String CHANGE = "/requests/new?kind=CHANGE&account=" + RoleSpecs.ACCOUNT + "&role=ci-deployer";
    static final String DELETE = "/requests/new?kind=DELETE&account=" + RoleSpecs.ACCOUNT + "&role=ci-deployer";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    AccountRegistry accounts;

    @BeforeEach
    void accounts() {
        TargetAccount account = new TargetAccount(
                RoleSpecs.ACCOUNT, "payments-dev", "dev", "us-east-1", null, null, null, ApplyMode.APPLY);
        given(accounts.all()).willReturn(List.of(account));
        given(accounts.find(RoleSpecs.ACCOUNT)).willReturn(Optional.of(account));
    }

    @Test
    void theChangeFormIsFilledInWithTheLiveRoleAndFilesAChange() throws Exception {
        given(requests.liveRoleToChange(eq(RoleSpecs.ACCOUNT), eq("ci-deployer"), any()))
                .willReturn(RoleSpecs.valid());

        mvc.perform(get(CHANGE + "&expiresAt=2027-01-31T12:00:00Z").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Request a change to ci-deployer")))
                .andExpect(content().string(containsString("name=\"kind\" value=\"CHANGE\"")))
                .andExpect(content()
                        .string(containsString(
                                "<input type=\"hidden\" id=\"roleName\" name=\"roleName\" value=\"ci-deployer\"")))
                .andExpect(content().string(containsString("value=\"arn:aws:iam::111122223333:policy/boundary\"")))
                .andExpect(content().string(containsString("value=\"2027-01-31T12:00\"")))
                .andExpect(content().string(not(containsString("<select id=\"accountId\""))));
    }

    @Test
    void submittingTheChangeFormFilesARequestOfKindChange() throws Exception {
        given(requests.submit(any(), anyList(), any()))
                .willReturn(RoleRequestViews.view(
                        RoleRequestStatus.IN_REVIEW, "alice", 1, RoleSpecs.valid(), List.of(), null, null, 1));

        mvc.perform(post("/requests")
                        .with(user("alice"))
                        .with(csrf())
                        .param("kind", "CHANGE")
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("roleName", "ci-deployer")
                        .param("path", "/ci/")
                        .param("trustPolicy", RoleSpecs.lambdaTrust().toString())
                        .param("maxSessionDurationSeconds", "3600")
                        .param("justification", "CI deploys"))
                .andExpect(status().is3xxRedirection());

        verify(requests).submit(argThat(command -> command.kind() == RequestKind.CHANGE), anyList(), any());
    }

    @Test
    void aRoleThatCannotBeChangedSaysWhyAndOffersNoForm() throws Exception {
        given(requests.liveRoleToChange(eq(RoleSpecs.ACCOUNT), eq("ci-deployer"), any()))
                .willThrow(new RoleSpecInvalidException(List.of(new FieldProblem(
                        "roleName",
                        "Role ci-deployer belongs to team data: only its team, reviewers and admins can ask"))));

        mvc.perform(get(CHANGE).with(user("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Role ci-deployer cannot be changed through Rolecall")))
                .andExpect(content().string(containsString("belongs to team data")))
                .andExpect(content().string(not(containsString("name=\"kind\""))));
    }

    @Test
    void theDeletePageShowsTheLiveRoleAndFilesADeleteWithTheJustification() throws Exception {
        given(requests.liveRoleToChange(eq(RoleSpecs.ACCOUNT), eq("ci-deployer"), any()))
                .willReturn(RoleSpecs.valid());
        mvc.perform(get(DELETE).with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Request to delete ci-deployer")))
                .andExpect(content().string(containsString("read-logs")));
        given(requests.submit(any(), any()))
                .willReturn(RoleRequestViews.view(
                        RoleRequestStatus.IN_REVIEW, "alice", 1, RoleSpecs.valid(), List.of(), null, null, 1));

        mvc.perform(post("/requests/delete")
                        .with(user("alice"))
                        .with(csrf())
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("roleName", "ci-deployer")
                        .param("justification", "Replaced by ci-deployer-v2"))
                .andExpect(redirectedUrl("/requests/" + RoleRequestViews.ID));

        verify(requests)
                .submit(
                        argThat(command -> command.kind() == RequestKind.DELETE
                                && command.spec().roleName().equals("ci-deployer")
                                && command.justification().equals("Replaced by ci-deployer-v2")),
                        any());
    }

    @Test
    void aDeleteWithoutJustificationIsRefusedOnTheField() throws Exception {
        given(requests.submit(any(), any()))
                .willThrow(new RoleSpecInvalidException(List.of(new FieldProblem("justification", "is required"))));

        mvc.perform(post("/requests/delete")
                        .with(user("alice"))
                        .with(csrf())
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("roleName", "ci-deployer"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is required")))
                .andExpect(content().string(containsString("Submit the delete for review")));
    }

    @Test
    void aDeleteWithoutCsrfTokenIsRefusedAndNothingIsFiled() throws Exception {
        mvc.perform(post("/requests/delete")
                        .with(user("alice"))
                        .param("accountId", RoleSpecs.ACCOUNT)
                        .param("roleName", "ci-deployer")
                        .param("justification", "x"))
                .andExpect(status().isForbidden());

        verify(requests, never()).submit(any(), any());
    }
}
