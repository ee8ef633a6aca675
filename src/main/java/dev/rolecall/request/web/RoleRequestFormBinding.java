package dev.rolecall.request.web;

import dev.rolecall.policy.PolicyTemplates;
import dev.rolecall.policy.PolicyTemplates.Template;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * How the request form binds wherever it is posted, a new request or a revision: rows past IAM's
 * limits are refused with a field error rather than bound (see {@link RoleRequestFormRows}).
 */
@ControllerAdvice(
        assignableTypes = {
            RoleRequestController.class,
            RoleRevisionController.class,
            TrustBuilderController.class,
            PolicyTemplateController.class,
            RequestDraftController.class
        })
class RoleRequestFormBinding {

    private final PolicyTemplates templates;

    RoleRequestFormBinding(PolicyTemplates templates) {
        this.templates = templates;
    }

    /** The templates the form offers under "Add a policy from a template". */
    @ModelAttribute("policyTemplates")
    List<Template> policyTemplates() {
        return templates.all();
    }

    @InitBinder("form")
    void limitRows(WebDataBinder binder, HttpServletRequest request) {
        RoleRequestFormRows.limit(binder, request.getParameterMap().keySet());
    }
}
