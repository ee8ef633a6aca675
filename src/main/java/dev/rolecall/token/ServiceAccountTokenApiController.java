package dev.rolecall.token;

import dev.rolecall.identity.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/service-accounts/{name}/tokens}: admins create ({@code {name, scopes, expiresAt}}
 * → 201 with {@code token}, shown this once) and list the tokens of a service account; they revoke
 * one with {@code DELETE /api/v1/tokens/{id}}. Called as a person (HTTP Basic), never with a token.
 */
@RestController
class ServiceAccountTokenApiController {

    static final String PATH = "/api/v1/service-accounts/{name}/tokens";

    private final ApiTokenService tokens;
    private final Clock clock;

    ServiceAccountTokenApiController(ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(
            @PathVariable String name, @RequestBody TokenRequest body, CurrentUser admin) {
        ApiTokenService.Created created = tokens.createFor(name, body, admin);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", created.secret());
        answer.put("tokenInfo", TokenView.of(created.token(), clock.instant()));
        return ResponseEntity.created(URI.create(
                        TokenApiController.PATH + "/" + created.token().id()))
                .header("Cache-Control", "no-store")
                .body(answer);
    }

    @GetMapping(PATH)
    List<TokenView> list(@PathVariable String name, CurrentUser admin) {
        Instant now = clock.instant();
        return tokens.listFor(name, admin).stream()
                .map(token -> TokenView.of(token, now))
                .toList();
    }

    @ExceptionHandler(InvalidTokenRequestException.class)
    ProblemDetail invalid(InvalidTokenRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The token was not created.");
        problem.setTitle("Validation failed");
        List<Map<String, String>> errors = new ArrayList<>();
        e.problems().forEach((field, message) -> errors.add(Map.of("field", field, "message", message)));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(TokenNotFoundException.class)
    ProblemDetail notFound() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No service account has this name.");
    }
}
