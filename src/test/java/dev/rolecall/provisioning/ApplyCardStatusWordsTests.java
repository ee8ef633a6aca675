package dev.rolecall.provisioning;

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
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The apply card of a request that ended before approval names its status in words. */
@UsesTestDatabase
@WebMvcTest(ApplyPlanController.class)
@Import({SecuritySliceConfiguration.class, ChangePlanner.class, ApplyPlanControllerTests.Accounts.class})
class ApplyCardStatusWordsTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @Test
    void aRejectedRequestSaysNothingWasAppliedInWords() throws Exception {
        given(requests.get(eq(ApplyPlanControllerTests.ID), any()))
                .willReturn(ApplyPlanControllerTests.view(
                        RoleRequestStatus.REJECTED, ApplyPlanControllerTests.APPLYING_ACCOUNT, false));
        mvc.perform(get("/requests/" + ApplyPlanControllerTests.ID + "/plan")
                        .with(user("alice"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was applied. Status: Rejected.")))
                .andExpect(content().string(not(containsString("REJECTED."))));
    }
}
