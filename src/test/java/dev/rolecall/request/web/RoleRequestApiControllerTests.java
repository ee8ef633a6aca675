package dev.rolecall.request.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestSlice;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestSummary;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.problems.StaleRequestException;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@UsesTestDatabase
@WebMvcTest(RoleRequestApiController.class)
@Import(SecuritySliceConfiguration.class)
class RoleRequestApiControllerTests {

    private static final String BODY = """
            {"accountId":"111122223333","roleName":"ci-deployer","path":"/ci/",
             "trustPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
               "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]},
             "managedPolicyArns":["arn:aws:iam::aws:policy/ReadOnlyAccess"],
             "inlinePolicies":{"read-logs":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
               "Action":"logs:GetLogEvents","Resource":"*"}]}},
             "maxSessionDurationSeconds":7200,"tags":{"team":"payments"},
             "justification":"CI deploys payments-api"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @Test
    void withoutCredentialsTheApiAnswers401AsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/role-requests"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Rolecall\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void wrongPasswordIs401() throws Exception {
        mvc.perform(get("/api/v1/role-requests").with(httpBasic("alice", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void creatingARequestAnswers201WithLocationAndTheRequest() throws Exception {
        given(requests.submit(any(), anyList(), any()))
                .willReturn(RoleRequestControllerTests.view(RoleRequestStatus.IN_REVIEW, "alice"));
        mvc.perform(post("/api/v1/role-requests")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/role-requests/" + RoleRequestControllerTests.ID))
                .andExpect(jsonPath("$.id").value(RoleRequestControllerTests.ID.toString()))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.spec.roleName").value("ci-deployer"))
                .andExpect(jsonPath("$.spec.trustPolicy.Statement[0].Principal.Service")
                        .value("lambda.amazonaws.com"))
                .andExpect(jsonPath("$.decisions").isArray())
                .andExpect(jsonPath("$.applySteps").isArray());
        verify(requests)
                .submit(
                        org.mockito.ArgumentMatchers.argThat(
                                command -> command.spec().maxSessionDurationSeconds() == 7200
                                        && command.spec().inlinePolicies().containsKey("read-logs")),
                        eq(List.of()),
                        any(CurrentUser.class));
    }

    @Test
    void missingAndMistypedFieldsAreReportedPerField() throws Exception {
        given(requests.submit(any(), anyList(), any())).willAnswer(call -> {
            throw new RoleSpecInvalidException(call.getArgument(1));
        });
        mvc.perform(post("/api/v1/role-requests")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"roleName\":\"x\",\"trustPolicy\":\"not an object\",\"inlinePolicies\":{\"p\":[]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("accountId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("justification")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("trustPolicy")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("inlinePolicies.p")));
    }

    @Test
    void malformedJsonIs400ProblemWithoutInternals() throws Exception {
        mvc.perform(post("/api/v1/role-requests")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roleName\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON of the expected shape."));
        verify(requests, never()).submit(any(), anyList(), any());
    }

    @Test
    void unknownAndInvisibleRequestsAre404() throws Exception {
        given(requests.get(eq(RoleRequestControllerTests.ID), any()))
                .willThrow(new RoleRequestNotFoundException(RoleRequestControllerTests.ID));
        mvc.perform(get("/api/v1/role-requests/" + RoleRequestControllerTests.ID)
                        .with(httpBasic("frank", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/role-requests/nope").with(httpBasic("frank", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void listingIsPagedAndFilteredByStatus() throws Exception {
        RoleRequestSummary summary = new RoleRequestSummary(
                RoleRequestControllerTests.ID,
                RoleRequestStatus.APPLIED,
                "alice",
                "payments",
                "111122223333",
                "ci-deployer",
                1,
                null,
                null,
                null,
                java.time.Instant.EPOCH,
                java.time.Instant.EPOCH,
                null);
        RoleRequestSlice.Key position = RoleRequestSlice.Key.parse("1764643200000000." + RoleRequestControllerTests.ID);
        given(requests.list(any(), eq(RoleRequestStatus.APPLIED), any(), any(), anyInt()))
                .willReturn(new RoleRequestSlice(List.of(summary), position, null, null));
        mvc.perform(get("/api/v1/role-requests").param("status", "APPLIED").with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(RoleRequestControllerTests.ID.toString()))
                .andExpect(jsonPath("$.items[0].status").value("APPLIED"))
                .andExpect(jsonPath("$.older").value(position.toString()))
                .andExpect(jsonPath("$.newer").value(nullValue()))
                .andExpect(jsonPath("$.size").value(20));
        mvc.perform(get("/api/v1/role-requests")
                        .param("status", "APPLIED")
                        .param("older", position.toString())
                        .with(httpBasic("alice", "demo")))
                .andExpect(status().isOk());
        verify(requests).list(any(), eq(RoleRequestStatus.APPLIED), eq(position), isNull(), eq(20));
        mvc.perform(get("/api/v1/role-requests").param("status", "NOPE").with(httpBasic("alice", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    static final String REVISION = BODY.replace("\"justification\"", "\"version\":5,\"justification\"");

    @Test
    void revisingAnswers200WithTheNewRevision() throws Exception {
        given(requests.revise(eq(RoleRequestControllerTests.ID), eq(5L), any(), anyList(), any()))
                .willReturn(RoleRevisionControllerTests.revised());
        mvc.perform(put("/api/v1/role-requests/" + RoleRequestControllerTests.ID)
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REVISION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.version").value(7));
        verify(requests)
                .revise(
                        eq(RoleRequestControllerTests.ID),
                        eq(5L),
                        org.mockito.ArgumentMatchers.argThat(
                                command -> command.spec().maxSessionDurationSeconds() == 7200),
                        eq(List.of()),
                        any(CurrentUser.class));
    }

    @Test
    void aRevisionWithoutAVersionOrWithInvalidFieldsIs400PerField() throws Exception {
        given(requests.revise(any(), any(), any(), anyList(), any())).willAnswer(call -> {
            throw new RoleSpecInvalidException(call.getArgument(3));
        });
        mvc.perform(put("/api/v1/role-requests/" + RoleRequestControllerTests.ID)
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roleName\":\"ci-deployer\",\"trustPolicy\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("version")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("trustPolicy")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("justification")));
    }

    @Test
    void aStaleVersionOrAStateThatCannotBeRevisedIs409AndOthersRequestsAre404() throws Exception {
        var id = RoleRequestControllerTests.ID;
        given(requests.revise(eq(id), eq(5L), any(), anyList(), any())).willThrow(new StaleRequestException());
        mvc.perform(put("/api/v1/role-requests/" + id)
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REVISION))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        given(requests.revise(eq(id), eq(5L), any(), anyList(), any()))
                .willThrow(new IllegalTransitionException(RoleRequestStatus.APPLIED, "revise"));
        mvc.perform(put("/api/v1/role-requests/" + id)
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REVISION))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("APPLIED"));
        given(requests.revise(eq(id), eq(5L), any(), anyList(), any())).willThrow(new RoleRequestNotFoundException(id));
        mvc.perform(put("/api/v1/role-requests/" + id)
                        .with(httpBasic("frank", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REVISION))
                .andExpect(status().isNotFound());
    }

    @Test
    void aNewRequestWithAVersionIsRefused() throws Exception {
        given(requests.submit(any(), anyList(), any())).willAnswer(call -> {
            throw new RoleSpecInvalidException(call.getArgument(1));
        });
        mvc.perform(post("/api/v1/role-requests")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REVISION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }
}
