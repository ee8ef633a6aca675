package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Input no page or client should send: refused with a field-level 400 in words, never a 500, never
 * Java, never saved.
 */
@UsesTestDatabase
@WebMvcTest({RoleRequestController.class, RoleRequestApiController.class})
@Import({SecuritySliceConfiguration.class, PolicyDocuments.class})
class RoleRequestBadInputTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    AccountRegistry accounts;

    @ParameterizedTest
    @CsvSource({
        "older, abc",
        "older, 1764643200000000.not-an-id",
        "newer, 99999999999999999999999.3f2a6c1e-0000-4000-8000-000000000001",
        "newer, 1764643200000000.3f2a6c1e-0000-4000-8000-00000000000g"
    })
    void aListPositionThatIsNoneIsA400InWordsOnTheListPage(String field, String value) throws Exception {
        mvc.perform(get("/requests").param(field, value).with(user("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString(field + " has a value that cannot be read")))
                .andExpect(content().string(not(containsString("dev.rolecall"))));
        verify(requests, never()).list(any(), any(), any(), any(), anyInt());
    }

    @ParameterizedTest
    @CsvSource({
        "older, abc, older has a value that cannot be read",
        "newer, 12.34, newer has a value that cannot be read",
        "size, 0, size must be between 1 and 100",
        "size, 2147483647, size must be between 1 and 100",
        "size, 1e3, size must be a whole number"
    })
    void aPositionOrSizeOutOfRangeIsA400NamingTheFieldInTheApi(String field, String value, String message)
            throws Exception {
        mvc.perform(get("/api/v1/role-requests").param(field, value).with(httpBasic("alice", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        verify(requests, never()).list(any(), any(), any(), any(), anyInt());
    }

    @Test
    void aStatusThatDoesNotExistIsNamedWithTheStatusesThatDo() throws Exception {
        mvc.perform(get("/requests").param("status", "MAYBE").with(user("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("status must be one of DRAFT, SUBMITTED, IN_REVIEW")))
                .andExpect(content().string(not(containsString("dev.rolecall"))));
        mvc.perform(get("/api/v1/role-requests").param("status", "MAYBE").with(httpBasic("alice", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message", containsString("must be one of DRAFT")));
    }

    @ParameterizedTest
    @CsvSource({
        "tags[300].key, tags, At most 48 tags",
        "tags[50].key, tags, At most 48 tags",
        "tags[abc].key, tags, At most 48 tags",
        "inlinePolicies[100000].name, inlinePolicies, At most 100 inline policies",
        "inlinePolicies[99999999999].document, inlinePolicies, At most 100 inline policies"
    })
    void aRowPastTheFormsLimitIsAFieldErrorAndNothingIsSaved(String parameter, String field, String message)
            throws Exception {
        mvc.perform(form().param(parameter, "x"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("form", field))
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("value=\"ci-deployer\"")));
        verify(requests, never()).submit(any(), anyList(), any());
    }

    @Test
    void rowsWithinTheLimitStillBind() throws Exception {
        mvc.perform(form().param("addInline", "1").param("tags[49].key", "last-row"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasNoErrors("form"))
                .andExpect(content().string(containsString("value=\"last-row\"")));
    }

    @Test
    void addingATagPastTheLimitAddsNoRowAndSaysWhy() throws Exception {
        MockHttpServletRequestBuilder full = form().param("addTag", "1");
        for (int i = 0; i < 50; i++) {
            full.param("tags[" + i + "].key", "k" + i);
        }
        mvc.perform(full)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("At most 48 tags")))
                .andExpect(content().string(not(containsString("id=\"tags-50-key\""))));
    }

    @Test
    void anUnknownPropertyInTheApiBodyIsA400NamingIt() throws Exception {
        mvc.perform(post("/api/v1/role-requests")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"111122223333\",\"roleName\":\"ci\",\"permissionPolicies\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("permissionPolicies")))
                .andExpect(jsonPath("$.errors[0].message", containsString("is not a field")));
        verify(requests, never()).submit(any(), anyList(), any());
    }

    @Test
    void aValueOfTheWrongTypeInTheApiBodyIsNamedWithoutJava() throws Exception {
        mvc.perform(post("/api/v1/role-requests")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roleName\":\"ci\",\"maxSessionDurationSeconds\":\"an hour\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxSessionDurationSeconds"))
                .andExpect(jsonPath("$.errors[0].message").value("maxSessionDurationSeconds must be a whole number"))
                .andExpect(content().string(not(containsString("java."))));
    }

    private static MockHttpServletRequestBuilder form() {
        return post("/requests")
                .with(user("alice"))
                .with(csrf())
                .param("accountId", RoleSpecs.ACCOUNT)
                .param("roleName", "ci-deployer")
                .param("trustPolicy", RoleSpecs.lambdaTrust().toString())
                .param("maxSessionDurationSeconds", "3600")
                .param("justification", "CI deploys");
    }
}
