package dev.rolecall.request.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.PolicyTemplates;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The request form's "Add a policy from a template" buttons, on a new request and on a revision:
 * the form comes back with the template's policy added as an inline policy, or with the problem of
 * each value beside its field. Nothing is submitted.
 */
@Controller
class PolicyTemplateController {

    private final PolicyTemplates templates;
    private final RoleRequestService requests;
    private final AccountRegistry accounts;

    PolicyTemplateController(PolicyTemplates templates, RoleRequestService requests, AccountRegistry accounts) {
        this.templates = templates;
        this.requests = requests;
        this.accounts = accounts;
    }

    @PostMapping(path = "/requests", params = "addTemplate")
    String addToNewRequest(
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam("addTemplate") String template,
            @RequestParam Map<String, String> parameters,
            Model model) {
        PolicyTemplateRows.add(form, binding, templates, template, parameters, model);
        return RoleRequestController.form(model, accounts);
    }

    @PostMapping(path = "/requests/{id}/revise", params = "addTemplate")
    String addToRevision(
            @PathVariable RoleRequestId id,
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam("addTemplate") String template,
            @RequestParam Map<String, String> parameters,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            Model model) {
        RoleRequestView request = requests.getForRevision(id, user);
        PolicyTemplateRows.add(form, binding, templates, template, parameters, model);
        return RoleRevisionController.form(request, version, model, accounts);
    }
}
