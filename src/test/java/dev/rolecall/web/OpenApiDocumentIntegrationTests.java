package dev.rolecall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.test.RolecallIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document lists every endpoint under {@code /api/}, as the application maps them, with
 * the security schemes and the problem+json errors; Swagger UI alone may use inline styles.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
class OpenApiDocumentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsInTheDocument() throws Exception {
        JsonNode document = document();
        List<String> missing = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String endpoint = method + " " + path;
                    endpoints.add(endpoint);
                    if (document.path("paths")
                            .path(path)
                            .path(method.name().toLowerCase(Locale.ROOT))
                            .isMissingNode()) {
                        missing.add(endpoint);
                    }
                }
            }
        });

        assertThat(endpoints).contains("POST /api/v1/tokens", "GET /api/v1/audit-events/verification");
        assertThat(missing).as("API endpoints missing from /v3/api-docs").isEmpty();
    }

    @Test
    void theDocumentNamesTheSecuritySchemesAndTheProblemShape() throws Exception {
        JsonNode document = document();

        assertThat(document.path("components").path("securitySchemes").propertyNames())
                .contains("bearer", "basic", "session");
        assertThat(document.path("paths")
                        .path("/api/v1/tokens")
                        .path("post")
                        .path("responses")
                        .path("400")
                        .path("content")
                        .has("application/problem+json"))
                .isTrue();
        assertThat(document.path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .has("errors"))
                .isTrue();
    }

    @Test
    void onlySwaggerUiMayUseInlineStyles() throws Exception {
        mvc.perform(get("/swagger-ui/index.html").with(user("alice").roles("REQUESTER")))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("Content-Security-Policy", containsString("style-src 'self' 'unsafe-inline'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")));
        mvc.perform(get("/requests").with(user("alice").roles("REQUESTER")))
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline"))));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection());
    }

    private JsonNode document() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(user("alice").roles("REQUESTER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(json);
    }
}
