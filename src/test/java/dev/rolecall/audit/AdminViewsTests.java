package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.PassRoleRequests;
import dev.rolecall.test.RolecallIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every admin view of other people's data is an audit event: a request filed by someone else (page
 * or API), the list of everyone's requests, and the people page. An admin's own request and other
 * roles' reads are not. (That a browser session records the same view once is shown over real
 * HTTP in {@code SsoSignInIntegrationTests}.)
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
class AdminViewsTests {

    static final RequestPostProcessor ADMIN = user("dave").roles("ADMIN", "REQUESTER");
    static final RequestPostProcessor AUDITOR = user("carol").roles("AUDITOR", "REQUESTER");

    @Autowired
    MockMvc mvc;

    @Autowired
    RoleRequestService requests;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminOpeningSomeoneElsesRequestIsRecordedWithTheRequester() throws Exception {
        RoleRequestView filed = PassRoleRequests.file(requests, "admin-view-page");

        mvc.perform(get("/requests/{id}", filed.id()).with(ADMIN)).andExpect(status().isOk());

        List<Map<String, Object>> views = views(filed, "dave");
        assertThat(views).hasSize(1);
        assertThat(views.get(0).get("account_id")).isEqualTo(filed.spec().accountId());
        assertThat(views.get(0).get("role_name")).isEqualTo("admin-view-page");
        assertThat((String) views.get(0).get("details"))
                .contains("\"requester\":\"alice\"")
                .contains("\"path\":\"/requests/" + filed.id() + "\"");
    }

    @Test
    void everyApiReadBecauseTheApiHasNoSession() throws Exception {
        RoleRequestView filed = PassRoleRequests.file(requests, "admin-view-api");

        mvc.perform(get("/api/v1/role-requests/{id}", filed.id()).with(ADMIN)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/role-requests/{id}", filed.id()).with(ADMIN)).andExpect(status().isOk());

        assertThat(views(filed, "dave")).hasSize(2);
    }

    @Test
    void anAdminsOwnRequestAndAnAuditorsReadsAreNotRecorded() throws Exception {
        RoleRequestView own = requests.submit(
                new SubmitRoleRequest(RoleSpecs.valid("admin-view-own"), "Admin's own", Map.of()), DAVE);
        RoleRequestView someoneElses = PassRoleRequests.file(requests, "admin-view-auditor");

        mvc.perform(get("/requests/{id}", own.id()).with(ADMIN)).andExpect(status().isOk());
        mvc.perform(get("/requests/{id}", someoneElses.id()).with(AUDITOR)).andExpect(status().isOk());

        assertThat(views(own, "dave")).isEmpty();
        assertThat(views(someoneElses, "carol")).isEmpty();
    }

    @Test
    void anAdminListingRequestsIsRecordedWithTheFilter() throws Exception {
        long before = count("dave", AdminViews.LISTED_REQUESTS);

        mvc.perform(get("/requests?status=IN_REVIEW").with(ADMIN)).andExpect(status().isOk());
        mvc.perform(get("/requests").with(AUDITOR)).andExpect(status().isOk());

        assertThat(count("dave", AdminViews.LISTED_REQUESTS)).isEqualTo(before + 1);
        assertThat(count("carol", AdminViews.LISTED_REQUESTS)).isZero();
        assertThat(jdbc.queryForObject(
                        "select details from audit_event where actor = 'dave' and action = ? order by event_id desc limit 1",
                        String.class,
                        AdminViews.LISTED_REQUESTS))
                .contains("status=IN_REVIEW");
    }

    @Test
    void thePeoplePageIsForAdminsAndEachViewIsRecorded() throws Exception {
        long before = count("dave", AdminViews.VIEWED_PEOPLE);

        mvc.perform(get("/admin/people").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Local users")))
                .andExpect(content().string(containsString("<td>carol</td>")));
        mvc.perform(get("/admin/people").with(AUDITOR)).andExpect(status().isForbidden());

        assertThat(count("dave", AdminViews.VIEWED_PEOPLE)).isEqualTo(before + 1);
        assertThat(count("carol", AdminViews.VIEWED_PEOPLE)).isZero();
    }

    private List<Map<String, Object>> views(RoleRequestView request, String actor) {
        return jdbc.queryForList(
                "select * from audit_event where action = ? and request_id = ? and actor = ? order by event_id",
                AdminViews.VIEWED_REQUEST,
                request.id().value(),
                actor);
    }

    private long count(String actor, String action) {
        Long count = jdbc.queryForObject(
                "select count(*) from audit_event where actor = ? and action = ?", Long.class, actor, action);
        return count == null ? 0 : count;
    }
}
