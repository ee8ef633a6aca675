package dev.rolecall.request.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@UsesTestDatabase
@WebMvcTest(RolePermissionsApiController.class)
@Import({SecuritySliceConfiguration.class, RolePermissionsService.class, PolicyFixtures.Beans.class})
class RolePermissionsApiControllerTests {

    static final RoleRequestId ID = RolePermissionsControllerTests.ID;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @Test
    void theSummaryIsJsonPerService() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(RolePermissionsControllerTests.view(
                        1,
                        RolePermissionsControllerTests.spec(
                                Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));

        mvc.perform(get("/api/v1/role-requests/" + ID + "/permissions").with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.services[0].prefix").value("logs"))
                .andExpect(jsonPath("$.services[0].levels[0].level").value("Read"))
                .andExpect(jsonPath("$.services[0].levels[0].actions.length()").value(2));
    }

    @Test
    void theChangesAreAgainstThePreviousRevision() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(RolePermissionsControllerTests.view(
                        2,
                        RolePermissionsControllerTests.spec(
                                Map.of(
                                        "read-logs",
                                        RoleSpecs.readLogs(),
                                        "write",
                                        RolePermissionsControllerTests.writeInvoices()),
                                List.of(),
                                null)));
        given(requests.revisionSpec(eq(ID), eq(1), any()))
                .willReturn(Optional.of(RolePermissionsControllerTests.spec(
                        Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));

        mvc.perform(get("/api/v1/role-requests/" + ID + "/changes").with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newlyAllowed[0].action").value("s3:PutObject"))
                .andExpect(jsonPath("$.newlyAllowed.length()").value(1))
                .andExpect(jsonPath("$.noLongerAllowed.length()").value(0));
    }

    @Test
    void theOverviewsLeadWithTheRiskyActions() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(
                        RolePermissionsControllerTests.view(1, RolePermissionsControllerTests.readOnlyAndPassRole()));

        mvc.perform(get("/api/v1/role-requests/" + ID + "/permissions/overview").with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.concerns[0].concern").value("PRIVILEGE_ESCALATION"))
                .andExpect(jsonPath("$.concerns[0].entries[0].action").value("iam:PassRole"))
                .andExpect(jsonPath("$.concerns[0].entries[0].resources[0]").value("*"))
                .andExpect(jsonPath("$.services[0].prefix").value("iam"))
                .andExpect(jsonPath("$.services[0].topConcern").value("PRIVILEGE_ESCALATION"));
        mvc.perform(get("/api/v1/role-requests/" + ID + "/changes/overview").with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.concerns[0].entries[0].action").value("iam:PassRole"));
    }

    @Test
    void someoneElsesRequestIsNotFound() throws Exception {
        given(requests.get(eq(ID), any())).willThrow(new RoleRequestNotFoundException(ID));

        mvc.perform(get("/api/v1/role-requests/" + ID + "/permissions").with(httpBasic("frank", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/role-requests/" + ID + "/permissions/overview").with(httpBasic("frank", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/role-requests/" + ID + "/changes/overview").with(httpBasic("frank", "demo")))
                .andExpect(status().isNotFound());
    }
}
