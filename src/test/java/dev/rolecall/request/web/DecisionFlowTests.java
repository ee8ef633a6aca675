package dev.rolecall.request.web;

import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.test.PassRoleRequests;
import dev.rolecall.test.RolecallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Decisions through the whole stack (security, both controllers, the service, the aggregate,
 * PostgreSQL): the comment rule holds the same for the page and the API, and nothing changes when
 * it does not.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
class DecisionFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RoleRequestService requests;

    /** A Lambda role that may pass any role: HIGH or CRITICAL risk. */
    private RoleRequestView passRoleRequest(String roleName) {
        RoleRequestView filed = PassRoleRequests.file(requests, roleName);
        assertThat(filed.riskLevel()).isIn(RiskLevel.HIGH, RiskLevel.CRITICAL);
        return filed;
    }

    private RoleRequestView read(RoleRequestId id) {
        return requests.get(id, CAROL);
    }

    @Test
    void theApiRefusesToApproveAHighRiskRequestWithoutACommentAndChangesNothing() throws Exception {
        RoleRequestView filed = passRoleRequest("flow-api-high");
        String path = "/api/v1/role-requests/" + filed.id() + "/decisions";

        mvc.perform(post(path)
                        .with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\",\"comment\":\"   \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("-risk request")));

        RoleRequestView unchanged = read(filed.id());
        assertThat(unchanged.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(unchanged.decisions()).isEmpty();
        assertThat(unchanged.version()).isEqualTo(filed.version());

        mvc.perform(post(path)
                        .with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\",\"comment\":\"Only passes the deploy role\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].decision").value("APPROVE"));
    }

    @Test
    void theRequesterAnswersThroughTheApiWithACommentThatDecidesNothing() throws Exception {
        RoleRequestView filed = passRoleRequest("flow-api-comment");
        String path = "/api/v1/role-requests/" + filed.id() + "/decisions";

        mvc.perform(post(path)
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"COMMENT\",\"comment\":\"Lambda passes the deploy role\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.decisions[0].decision").value("COMMENT"))
                .andExpect(jsonPath("$.decisions[0].reviewer").value("alice"))
                .andExpect(jsonPath("$.decisions[0].comment").value("Lambda passes the deploy role"));
        mvc.perform(post(path)
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"COMMENT\",\"comment\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(post(path)
                        .with(httpBasic("carol", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"COMMENT\",\"comment\":\"auditor here\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("CANNOT_COMMENT"));
        // A comment is no approval: the requester still cannot approve, a reviewer still must.
        mvc.perform(post(path)
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\",\"comment\":\"mine\"}"))
                .andExpect(status().isForbidden());

        RoleRequestView after = read(filed.id());
        assertThat(after.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(after.decisions()).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(DecisionType.COMMENT);
            assertThat(d.reviewer()).isEqualTo("alice");
        });
    }

    @Test
    void aReviewersCommentFromThePanelShowsInTheTimelineAndTheRequestStaysInReview() throws Exception {
        RoleRequestView filed = passRoleRequest("flow-page-comment");
        String page = "/requests/" + filed.id();

        mvc.perform(post(page + "/decisions")
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "COMMENT")
                        .param("comment", "Which roles does it pass?")
                        .param("version", String.valueOf(filed.version())))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flash", "Comment added. The request's status has not changed."));

        assertThat(read(filed.id()).status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        mvc.perform(get(page).with(user("alice")))
                .andExpect(content().string(containsString("commented on")))
                .andExpect(content().string(containsString("Which roles does it pass?")))
                .andExpect(content().string(containsString("id=\"comment-form\"")));
    }

    @Test
    void thePageRefusesTheSameApprovalAndKeepsTheVerbAndTheTypedText() throws Exception {
        RoleRequestView filed = passRoleRequest("flow-page-high");
        String page = "/requests/" + filed.id();

        MvcResult refused = mvc.perform(post(page + "/decisions")
                        .with(user("erin").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("comment", "")
                        .param("version", String.valueOf(filed.version())))
                .andExpect(redirectedUrl(page + "#review"))
                .andReturn();
        assertThat(read(filed.id()).status()).isEqualTo(RoleRequestStatus.IN_REVIEW);

        // The refusal's flash attributes live in the sign-in session (Spring Session JDBC): follow the
        // redirect with that session's cookie, as a browser does.
        jakarta.servlet.http.Cookie session = refused.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get(page).with(user("erin").roles("REVIEWER")).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decision-approve\" checked=\"checked\"")))
                .andExpect(content().string(containsString("id=\"comment-error\">This request is ")))
                .andExpect(content().string(containsString("risk: add a comment that says why")));
    }
}
