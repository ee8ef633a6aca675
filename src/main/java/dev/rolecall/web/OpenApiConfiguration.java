package dev.rolecall.web;

import dev.rolecall.identity.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, springdoc) and Swagger UI
 * ({@code /swagger-ui/index.html}), for people signed in: the security schemes (HTTP Basic, Bearer
 * tokens, and the browser session the UI itself runs in), and the problem+json shape every error
 * of {@code /api/**} has. Swagger UI styles its elements inline, so its pages alone get a policy
 * that allows inline styles; scripts stay {@code 'self'} there as everywhere.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String PROBLEM = "application/problem+json";

    static {
        // The signed-in person is resolved from the security context, never sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI rolecallOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Rolecall API")
                        .version("v1")
                        .description("Request, review, apply and audit AWS IAM roles. Call it with an API token "
                                + "(Authorization: Bearer rc_…, created on /tokens) or, where allowed, HTTP Basic. "
                                + "Every error is application/problem+json; validation errors list each field."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("rc_<prefix>_<secret>")
                                        .description("An API token; its scopes and its owner's roles both apply."))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Local users' name and password; off when "
                                                + "rolecall.tokens.http-basic=false."))
                        .addSecuritySchemes(
                                "session",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("SESSION")
                                        .description("The browser session of the pages (and of this UI); "
                                                + "/api/** itself is stateless and does not read it.")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** Every API operation documents the problem+json answers it can give. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas("Problem", problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(OpenApiConfiguration::addProblems);
                }
            });
        };
    }

    private static void addProblems(Operation operation) {
        Map<String, String> problems = Map.of(
                "400", "Validation failed: errors lists each field and what to fix",
                "401", "No or wrong credentials, or an unknown, expired or revoked token",
                "403", "Your role or the token's scopes do not allow this",
                "404", "Not found, or not yours to see");
        problems.forEach((status, description) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                operation
                        .getResponses()
                        .addApiResponse(
                                status,
                                new ApiResponse()
                                        .description(description)
                                        .content(new Content()
                                                .addMediaType(
                                                        PROBLEM,
                                                        new MediaType()
                                                                .schema(new Schema<>()
                                                                        .$ref("#/components/schemas/Problem")))));
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().example("expiresAt"));
        error.addProperty("message", new StringSchema().example("expiresAt must be at most 90 days from now"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Validation failed"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("The token was not created."));
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }

    /**
     * Swagger UI's pages: signed-in people only, like every page, with a content security policy that
     * allows the inline styles the UI sets. Its own chain, so no other page gets that allowance.
     */
    @Bean
    @Order(0)
    SecurityFilterChain swaggerUiSecurity(HttpSecurity http) throws Exception {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        login.setFavorRelativeUris(true);
        http.securityMatcher("/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(login))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(UI_CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }
}
