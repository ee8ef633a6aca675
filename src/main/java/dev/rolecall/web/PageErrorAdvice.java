package dev.rolecall.web;

import dev.rolecall.request.ActionNotAllowedException;
import dev.rolecall.request.FieldProblem;
import dev.rolecall.request.IllegalTransitionException;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestNotFoundException;
import dev.rolecall.request.StaleRequestException;
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

    @ExceptionHandler(RoleRequestNotFoundException.class)
    ModelAndView notFound(RoleRequestNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
        if (RoleRequestId.class.equals(e.getRequiredType())) {
            return page(HttpStatus.NOT_FOUND, null);
        }
        return invalid(List.of(new FieldProblem(e.getName(), BadInput.mismatch(e.getName(), e.getRequiredType()))));
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
                List.of(new FieldProblem(e.getPropertyName(), e.getPropertyName() + " is not a field of this form")));
    }

    @ExceptionHandler(ActionNotAllowedException.class)
    ModelAndView forbidden(ActionNotAllowedException e) {
        log.warn("refused: {}", e.getMessage());
        return page(HttpStatus.FORBIDDEN, "action.denied." + e.reason().name());
    }

    @ExceptionHandler({StaleRequestException.class, OptimisticLockingFailureException.class})
    ModelAndView stale(RuntimeException e) {
        log.info("conflict: {}", e.getMessage());
        return page(HttpStatus.CONFLICT, "conflict.stale");
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ModelAndView illegalTransition(IllegalTransitionException e) {
        log.info("conflict: {}", e.getMessage());
        return page(HttpStatus.CONFLICT, "conflict.transition").addObject("requestStatus", e.from());
    }

    private static ModelAndView invalid(List<FieldProblem> problems) {
        return page(HttpStatus.BAD_REQUEST, null).addObject("problems", problems);
    }

    /** The status page; server errors use the 5xx template. */
    static ModelAndView page(HttpStatus status, @Nullable String reason) {
        ModelAndView page = new ModelAndView(status.is5xxServerError() ? "error/5xx" : "error/4xx", status);
        page.addObject("status", status.value());
        page.addObject("reason", reason);
        page.addObject("requestStatus", "");
        return page;
    }
}
