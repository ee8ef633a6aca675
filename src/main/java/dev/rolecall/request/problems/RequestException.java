package dev.rolecall.request.problems;

import dev.rolecall.request.spec.FieldProblem;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of this module that carries its own answer, so the shared error advice maps it without
 * knowing request types: the API returns {@link #getBody()}, and a page shows the status with the
 * message key {@link #getDetailMessageCode()} (formatted with {@link #getDetailMessageArguments()})
 * when the exception names one.
 */
abstract class RequestException extends ErrorResponseException {

    private final String message;

    /** A refusal whose page shows the status's own words. */
    RequestException(String message, ProblemDetail body) {
        this(message, body, null, null);
    }

    /** A refusal whose page shows the message {@code pageMessageKey}, formatted with {@code arguments}. */
    RequestException(
            String message, ProblemDetail body, @Nullable String pageMessageKey, Object @Nullable [] arguments) {
        super(HttpStatus.valueOf(body.getStatus()), body, null, pageMessageKey, arguments);
        this.message = message;
    }

    /** What went wrong, for the log; never shown on a page. */
    @Override
    public String getMessage() {
        return message;
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    /** A 400 whose {@code errors} array has one {@code {field, message}} per problem. */
    static ProblemDetail validation(List<FieldProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some fields are invalid; nothing was saved.");
        problem.setTitle("Validation failed");
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return problem;
    }
}
