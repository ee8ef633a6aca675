package dev.rolecall.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Errors of the JSON API as {@code application/problem+json}; validation failures carry an
 * {@code errors} array of {@code {field, message}}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    /**
     * A refusal of a module that carries its own answer (e.g. a request that is not there, a
     * decision without its comment): its problem body as the module built it.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ProblemDetail refused(ErrorResponseException e) {
        log.info("refused: {}", e.getMessage());
        return e.getBody();
    }

    /** Fields that failed their constraints, or that a controller found unreadable (e.g. a list position). */
    @ExceptionHandler(BindException.class)
    ProblemDetail invalid(BindException e) {
        return validation(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InputProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList());
    }

    /**
     * A body that is not JSON, or JSON of another shape. A property the endpoint does not know is
     * refused by name rather than ignored (a misspelt field must not pass unread), and a value of
     * the wrong type is named with what the field takes.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        log.info("unreadable request body: {}", e.getMessage());
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = JsonPaths.of(unknown);
            return validation(List.of(new InputProblem(field, field + " is not a field of this request; remove it")));
        }
        if (e.getCause() instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            String field = JsonPaths.of(mismatched);
            return validation(List.of(new InputProblem(field, BadInput.mismatch(field, mismatched.getTargetType()))));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
    }

    /** A value of the wrong type; one its converter refused with an answer of its own gets that answer. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        ErrorResponseException refusal = BadInput.refusal(e);
        if (refusal != null) {
            return refused(refusal);
        }
        return validation(List.of(new InputProblem(e.getName(), BadInput.mismatch(e.getName(), e.getRequiredType()))));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalid(HandlerMethodValidationException e) {
        return validation(BadInput.problems(e));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail conflict(OptimisticLockingFailureException e) {
        log.info("conflict: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "Someone else acted on this request first; read it again.");
    }

    private static ProblemDetail validation(List<InputProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some fields are invalid; nothing was saved.");
        problem.setTitle("Validation failed");
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
