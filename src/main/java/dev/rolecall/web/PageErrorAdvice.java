package dev.rolecall.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Typed errors on pages become status pages with a message key: never a stack trace, an
 * exception message or AWS error text. The details go to the log.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    /**
     * A refusal of a module that carries its own answer: its status, with the message key it names
     * (e.g. {@code action.denied.OWN_REQUEST}) or else the status's own words.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView refused(ErrorResponseException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        if (status == HttpStatus.FORBIDDEN) {
            log.warn("refused: {}", e.getMessage());
        } else {
            log.info("refused: {}", e.getMessage());
        }
        String key = e.getDetailMessageCode();
        if (key.equals(ErrorResponse.getDefaultDetailMessageCode(e.getClass(), null))) {
            return page(status, null);
        }
        Object[] arguments = e.getDetailMessageArguments();
        return page(status, key)
                .addObject("reasonArgument", arguments != null && arguments.length > 0 ? arguments[0] : "");
    }

    /** A parameter of the wrong type; one its converter refused with an answer of its own gets that answer. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
        ErrorResponseException refusal = BadInput.refusal(e);
        if (refusal != null) {
            return refused(refusal);
        }
        return invalid(List.of(new InputProblem(e.getName(), BadInput.mismatch(e.getName(), e.getRequiredType()))));
    }

    /** A parameter outside its range, e.g. a page number past the last page there can be. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView badParameter(HandlerMethodValidationException e) {
        return invalid(BadInput.problems(e));
    }

    /** A form whose values could not be read at all (e.g. a verb the form does not offer). */
    @ExceptionHandler(BindException.class)
    ModelAndView badForm(BindException e) {
        return invalid(BadInput.problems(e.getBindingResult()));
    }

    /** A form field path the form does not have, e.g. a list index past what the form allows. */
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView badField(InvalidPropertyException e) {
        log.info("refused form field: {}", e.getMessage());
        return invalid(
                List.of(new InputProblem(e.getPropertyName(), e.getPropertyName() + " is not a field of this form")));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView stale(OptimisticLockingFailureException e) {
        log.info("conflict: {}", e.getMessage());
        return page(HttpStatus.CONFLICT, "conflict.stale");
    }

    private static ModelAndView invalid(List<InputProblem> problems) {
        return page(HttpStatus.BAD_REQUEST, null).addObject("problems", problems);
    }

    /** The status page; server errors use the 5xx template. */
    static ModelAndView page(HttpStatus status, @Nullable String reason) {
        ModelAndView page = new ModelAndView(status.is5xxServerError() ? "error/5xx" : "error/4xx", status);
        page.addObject("status", status.value());
        page.addObject("reason", reason);
        page.addObject("reasonArgument", "");
        return page;
    }
}
