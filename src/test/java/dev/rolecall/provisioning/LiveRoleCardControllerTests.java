package dev.rolecall.provisioning;

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
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.test.UsesTestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** "In AWS now" on a failed request's page: read from AWS when the card loads, said in words. */
@UsesTestDatabase
@WebMvcTest(LiveRoleCardController.class)
@Import(SecuritySliceConfiguration.class)
class LiveRoleCardControllerTests {

    private static final String ACCOUNT = "444455556666";
    private static final RoleRequestId ID = new RoleRequestId(UUID.fromString("00000000-0000-0000-0000-000000000078"));
    private static final String CARD = "/requests/" + ID + "/live-role";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    LiveRoles liveRoles;

    @BeforeEach
    void failedRequest() {
        given(requests.get(eq(ID), any()))
                .willReturn(new RoleRequestView(
                        ID,
                        RoleRequestStatus.FAILED,
                        "alice",
                        "payments",
                        1,
                        TestSpecs.full(ACCOUNT, "payments-reader"),
                        "Reads reports",
                        List.of(),
                        null,
                        List.of(),
                        false,
                        "AccessDenied",
                        "not authorized",
                        null,
                        null,
                        null,
                        NOW,
                        NOW,
                        5,
                        RequestKind.CREATE,
                        null));
    }

    @Test
    void whatExistsIsListedAndSaysWhetherThisRequestMadeIt() throws Exception {
        given(liveRoles.read(ACCOUNT, "payments-reader"))
                .willReturn(Optional.of(new LiveRole(
                        TestSpecs.minimal(ACCOUNT, "payments-reader"),
                        "arn:aws:iam::" + ACCOUNT + ":role/payments/payments-reader",
                        "AROAEXAMPLE",
                        NOW,
                        List.of(),
                        Map.of("managed-by", "rolecall", "rolecall:request-id", ID.toString()),
                        NOW)));

        mvc.perform(get(CARD).header("HX-Request", "true").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("In AWS now"),
                                containsString("arn:aws:iam::444455556666:role/payments/payments-reader"),
                                containsString("created by this request"),
                                not(containsString("not created by this request")))));
    }

    @Test
    void aRoleThatIsNotThereIsSaid() throws Exception {
        given(liveRoles.read(ACCOUNT, "payments-reader")).willReturn(Optional.empty());

        mvc.perform(get(CARD).with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no role named payments-reader exists in account")));
    }

    @Test
    void aReadThatFailsIsSaidInWords() throws Exception {
        given(liveRoles.read(ACCOUNT, "payments-reader"))
                .willThrow(new LiveRoleUnavailableException(
                        LiveRoleUnavailableException.Reason.AWS_ERROR,
                        "AWS did not let Rolecall read role payments-reader"));

        mvc.perform(get(CARD).header("HX-Request", "true").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Rolecall could not read the role in AWS: AWS did not let")));
    }

    @Test
    void someoneWhoMayNotReadTheRequestGetsNothingAndNothingIsRead() throws Exception {
        given(requests.get(eq(ID), any())).willThrow(new RoleRequestNotFoundException(ID));

        mvc.perform(get(CARD).with(user("frank"))).andExpect(status().isNotFound());
        org.mockito.Mockito.verifyNoInteractions(liveRoles);
    }
}
