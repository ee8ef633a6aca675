package dev.rolecall.web;

import dev.rolecall.request.ActionNotAllowedException;
import dev.rolecall.request.IllegalTransitionException;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestNotFoundException;
import dev.rolecall.request.StaleRequestException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
        return page(HttpStatus.BAD_REQUEST, null);
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

    private static ModelAndView page(HttpStatus status, @Nullable String reason) {
        ModelAndView page = new ModelAndView("error/4xx", status);
        page.addObject("status", status.value());
        page.addObject("reason", reason);
        page.addObject("requestStatus", "");
        return page;
    }
}
