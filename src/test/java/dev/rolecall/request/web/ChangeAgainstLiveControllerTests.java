package dev.rolecall.request.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.change.PlannedCall;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The reviewer's card of a CHANGE or DELETE: against the live role, access, and the calls. */
@UsesTestDatabase
@WebMvcTest(ChangeAgainstLiveController.class)
@Import({SecuritySliceConfiguration.class, RolePermissionsService.class, PolicyFixtures.Beans.class})
class ChangeAgainstLiveControllerTests {

    static final String CARD = "/requests/" + RoleRequestViews.ID + "/change";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @Test
    void aChangeShowsEachFieldAgainstTheLiveRoleTheAccessItAddsAndTheCalls() throws Exception {
        RoleSpec live = RoleSpecs.valid();
        RoleSpec asked = RevisionComparisonTests.revised();
        given(requests.get(eq(RoleRequestViews.ID), any()))
                .willReturn(withPlan(
                        RequestKind.CHANGE,
                        asked,
                        plan(
                                live,
                                new PlannedCall(
                                        "PutRolePolicy",
                                        Map.of("RoleName", "ci-deployer", "PolicyName", "read-logs")))));

        mvc.perform(get(CARD).header("HX-Request", "true").with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Changes against the live role"),
                                containsString("arn:aws:iam::111122223333:role/ci/ci-deployer"),
                                containsString("Inline policy read-logs"),
                                containsString("What access it adds and removes"),
                                containsString("id=\"change-plan\""),
                                containsString("PutRolePolicy"),
                                containsString("&quot;PolicyName&quot; : &quot;read-logs&quot;"))))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void aDeleteListsTheAccessThatDisappears() throws Exception {
        RoleSpec live = RoleSpecs.valid();
        given(requests.get(eq(RoleRequestViews.ID), any()))
                .willReturn(withPlan(
                        RequestKind.DELETE,
                        live,
                        plan(live, new PlannedCall("DeleteRole", Map.of("RoleName", "ci-deployer")))));

        mvc.perform(get(CARD).with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("What deleting the role removes"),
                                containsString("Newly allowed: nothing. No longer allowed:"),
                                containsString("DeleteRole"))));
    }

    @Test
    void aCreateHasNoLiveRoleToCompareWith() throws Exception {
        given(requests.get(eq(RoleRequestViews.ID), any()))
                .willReturn(RoleRequestViews.view(
                        RoleRequestStatus.IN_REVIEW, "alice", 1, RoleSpecs.valid(), List.of(), null, null, 1));

        mvc.perform(get(CARD).with(user("alice")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("there is no live role to compare with")));
    }

    @Test
    void someoneWhoMayNotReadTheRequestSeesNothing() throws Exception {
        given(requests.get(eq(RoleRequestViews.ID), any()))
                .willThrow(new RoleRequestNotFoundException(RoleRequestViews.ID));

        mvc.perform(get(CARD).with(user("frank"))).andExpect(status().isNotFound());
    }

    private static ChangePlan plan(RoleSpec live, PlannedCall call) {
        return new ChangePlan(
                live,
                "arn:aws:iam::111122223333:role/ci/ci-deployer",
                "AROAEXAMPLE",
                List.of(),
                RoleRequestViews.NOW,
                List.of(call));
    }

    static RoleRequestView withPlan(RequestKind kind, RoleSpec spec, ChangePlan plan) {
        RoleRequestView v =
                RoleRequestViews.view(RoleRequestStatus.IN_REVIEW, "alice", 1, spec, List.of(), null, null, 1);
        return new RoleRequestView(
                v.id(),
                v.status(),
                v.requester(),
                v.requesterTeam(),
                v.revision(),
                v.spec(),
                v.justification(),
                v.decisions(),
                v.roleArn(),
                v.applySteps(),
                v.planOnly(),
                v.failureCode(),
                v.failureMessage(),
                v.riskLevel(),
                v.topFindingCode(),
                v.riskReason(),
                v.createdAt(),
                v.updatedAt(),
                v.version(),
                kind,
                plan);
    }
}
