package dev.rolecall.token;

import dev.rolecall.identity.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tokens}: create ({@code {name, scopes, expiresAt}} → 201 with {@code token},
 * shown this once), list and revoke your own tokens. Called as a person (HTTP Basic), never with a
 * token.
 */
@RestController
class TokenApiController {

    static final String PATH = "/api/v1/tokens";

    private final ApiTokenService tokens;
    private final Clock clock;

    TokenApiController(ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody TokenRequest body, CurrentUser user) {
        ApiTokenService.Created created = tokens.create(body, user);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", created.secret());
        answer.put("tokenInfo", TokenView.of(created.token(), clock.instant()));
        return ResponseEntity.created(URI.create(PATH + "/" + created.token().id()))
                .header("Cache-Control", "no-store")
                .body(answer);
    }

    @GetMapping(PATH)
    List<TokenView> list(CurrentUser user) {
        Instant now = clock.instant();
        return tokens.list(user).stream().map(token -> TokenView.of(token, now)).toList();
    }

    @DeleteMapping(PATH + "/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id, CurrentUser user) {
        tokens.revoke(id, user);
        return ResponseEntity.noContent().build();
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
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No token of yours has this id.");
    }
}
