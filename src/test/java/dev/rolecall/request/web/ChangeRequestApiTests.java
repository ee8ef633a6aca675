package dev.rolecall.request.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.change.PlannedCall;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code kind} on the JSON API: what is filed, and the plan the request shows once in review. */
@UsesTestDatabase
@WebMvcTest(RoleRequestApiController.class)
@Import(SecuritySliceConfiguration.class)
class ChangeRequestApiTests {

    private static final String DELETE_BODY = """
            {"kind":"DELETE","accountId":"111122223333","roleName":"ci-deployer",
             "justification":"Replaced by ci-deployer-v2"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @Test
    void aDeleteNeedsOnlyTheAccountTheRoleAndWhyAndShowsItsPlan() throws Exception {
        ChangePlan plan = new ChangePlan(
                RoleSpecs.valid(),
                "arn:aws:iam::111122223333:role/ci/ci-deployer",
                "AROAEXAMPLE",
                List.of(),
                RoleRequestViews.NOW,
                List.of(
                        new PlannedCall(
                                "DeleteRolePolicy", Map.of("RoleName", "ci-deployer", "PolicyName", "read-logs")),
                        new PlannedCall("DeleteRole", Map.of("RoleName", "ci-deployer"))));
        given(requests.submit(any(), anyList(), any()))
                .willReturn(ChangeAgainstLiveControllerTests.withPlan(RequestKind.DELETE, RoleSpecs.valid(), plan));

        mvc.perform(post("/api/v1/role-requests")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DELETE_BODY))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("DELETE"))
                .andExpect(jsonPath("$.plan[0].call").value("DeleteRolePolicy"))
                .andExpect(jsonPath("$.plan[0].parameters.PolicyName").value("read-logs"))
                .andExpect(jsonPath("$.plan[1].call").value("DeleteRole"));
        verify(requests)
                .submit(
                        argThat(command -> command.kind() == RequestKind.DELETE
                                && command.spec().roleName().equals("ci-deployer")),
                        anyList(),
                        any());
    }

    @Test
    void withoutAKindTheRequestCreatesARoleAndHasNoPlan() throws Exception {
        given(requests.get(any(), any()))
                .willReturn(RoleRequestViews.view(
                        RoleRequestStatus.IN_REVIEW, "alice", 1, RoleSpecs.valid(), List.of(), null, null, 1));

        mvc.perform(get("/api/v1/role-requests/" + RoleRequestViews.ID).with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("CREATE"))
                .andExpect(jsonPath("$.plan").doesNotExist());
    }

    @Test
    void aChangeOfARoleThatDoesNotExistIsA400OnRoleName() throws Exception {
        given(requests.submit(any(), anyList(), any()))
                .willThrow(new RoleSpecInvalidException(List.of(
                        new FieldProblem("roleName", "No role named ci-deployer exists in account 111122223333"))));

        mvc.perform(post("/api/v1/role-requests")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DELETE_BODY.replace("DELETE", "CHANGE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roleName"));
        verify(requests).submit(argThat(command -> command.kind() == RequestKind.CHANGE), anyList(), any());
    }
}
