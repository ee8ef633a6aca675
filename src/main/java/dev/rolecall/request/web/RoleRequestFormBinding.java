package dev.rolecall.request.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How the request form binds wherever it is posted, a new request or a revision: rows past IAM's
 * limits are refused with a field error rather than bound (see {@link RoleRequestFormRows}).
 */
@ControllerAdvice(
        assignableTypes = {RoleRequestController.class, RoleRevisionController.class, TrustBuilderController.class})
class RoleRequestFormBinding {

    @InitBinder("form")
    void limitRows(WebDataBinder binder, HttpServletRequest request) {
        RoleRequestFormRows.limit(binder, request.getParameterMap().keySet());
    }
}
