package dev.rolecall.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Paths nothing serves: a page for people, problem+json for the API, and /error itself is a page. */
@UsesTestDatabase
@WebMvcTest(
        controllers = HomeController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ErrorController.class))
@Import(SecuritySliceConfiguration.class)
class ErrorPagesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anUnknownPageRouteIsTheNotFoundPageNotJson() throws Exception {
        mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML).with(user("alice")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<h1>Not found</h1>")))
                .andExpect(content().string(not(containsString("\"status\""))));
    }

    @Test
    void anUnknownRouteWithoutAnAcceptHeaderIsStillThePage() throws Exception {
        mvc.perform(get("/requests/42/no-such-tab").with(user("alice")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void anUnknownApiRouteKeepsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").with(httpBasic("alice", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void errorAskedForDirectlyIsAPageNotAServerError() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML).with(user("alice")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<h1>Not found</h1>")));
        mvc.perform(get("/error"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    /** What the busy-database filter's 503 becomes once the container forwards it to /error. */
    @Test
    void aBusyDatabaseIsTheBusyPageOrA503Problem() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr("jakarta.servlet.error.status_code", 503)
                        .requestAttr("jakarta.servlet.error.request_uri", "/requests")
                        .accept(MediaType.TEXT_HTML)
                        .with(user("alice")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("<h1>Rolecall is busy</h1>")))
                .andExpect(content().string(containsString("Nothing was changed; try again in a moment.")));
        mvc.perform(get("/error")
                        .requestAttr("jakarta.servlet.error.status_code", 503)
                        .requestAttr("jakarta.servlet.error.request_uri", "/api/v1/role-requests")
                        .with(httpBasic("alice", "demo")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503));
    }
}
