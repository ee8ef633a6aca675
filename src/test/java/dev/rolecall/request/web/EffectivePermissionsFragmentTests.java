package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
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
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The effective-permissions card htmx swaps into the request page is that card alone: nothing of the
 * "Can this role …?" card after it (its "Request context" disclosure once leaked out as stray text
 * between the two cards).
 */
@UsesTestDatabase
@WebMvcTest(RolePermissionsController.class)
@Import({SecuritySliceConfiguration.class, RolePermissionsService.class, PolicyFixtures.Beans.class})
class EffectivePermissionsFragmentTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @Test
    void theHtmxFragmentIsTheEffectivePermissionsCardAlone() throws Exception {
        given(requests.get(eq(RolePermissionsControllerTests.ID), any()))
                .willReturn(RolePermissionsControllerTests.view(
                        1,
                        RolePermissionsControllerTests.spec(
                                Map.of("write-invoices", RolePermissionsControllerTests.writeInvoices()),
                                List.of(),
                                null)));
        mvc.perform(get("/requests/" + RolePermissionsControllerTests.ID + "/permissions")
                        .with(user("alice"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"effective-permissions\"")))
                .andExpect(content().string(not(containsString("Request context"))))
                .andExpect(content().string(endsWith("</section>")));
    }

    @Test
    void theStandalonePageShowsTheCardWithoutStrayText() throws Exception {
        given(requests.get(eq(RolePermissionsControllerTests.ID), any()))
                .willReturn(RolePermissionsControllerTests.view(
                        1,
                        RolePermissionsControllerTests.spec(
                                Map.of("write-invoices", RolePermissionsControllerTests.writeInvoices()),
                                List.of(),
                                null)));
        mvc.perform(get("/requests/" + RolePermissionsControllerTests.ID + "/permissions")
                        .with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"effective-permissions\"")))
                .andExpect(content().string(not(containsString("Request context"))));
    }
}
