package dev.rolecall.policy.web;

import dev.rolecall.policy.PolicyFieldError;
import dev.rolecall.policy.PolicyService;
import dev.rolecall.policy.permissions.PolicySimulationOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/policy-simulations}: "can this principal do this action on this resource?".
 * The body is read with a hard size cap before any parsing, so an oversized body is refused at once
 * with 413; invalid input gets 400 with one {@code errors} entry per field.
 */
@RestController
class PolicySimulationController {

    private static final int MAX_BYTES = PolicyService.MAX_SIMULATION_CHARS;

    private final PolicyService policies;

    PolicySimulationController(PolicyService policies) {
        this.policies = policies;
    }

    @PostMapping(
            path = "/api/v1/policy-simulations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> simulate(
            InputStream body, @RequestHeader(name = "Content-Length", required = false) @Nullable Long length)
            throws IOException {
        String json = length != null && length > MAX_BYTES ? null : readAtMost(body);
        if (json == null) {
            return problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Body too large",
                    "A simulation may have at most " + MAX_BYTES / 1024 + " KiB.",
                    List.of());
        }
        PolicySimulationOutcome outcome = policies.simulate(json);
        if (outcome.result() == null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid policy simulation",
                    outcome.errors().size() + " problem(s) in the simulation; see errors.",
                    outcome.errors());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(outcome.result());
    }

    /** The body as UTF-8 text, or null when it has more than {@link #MAX_BYTES} bytes. */
    private static @Nullable String readAtMost(InputStream body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = body.read(chunk)) != -1) {
            buffer.write(chunk, 0, read);
            if (buffer.size() > MAX_BYTES) {
                return null;
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String title, String detail, List<PolicyFieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(e -> Map.of(
                                    "field", e.field(), "message", e.message(), "line", e.line(), "column", e.column()))
                            .toList());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
