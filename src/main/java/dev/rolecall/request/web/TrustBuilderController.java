package dev.rolecall.request.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.PolicyAnalysisService;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.spec.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The request form's trust builder: the live preview (htmx) and, without JavaScript, the "Build
 * trust policy" button of the new-request and revision forms. Both write the policy with the same
 * builder a submitted form goes through; nothing is saved here.
 */
@Controller
class TrustBuilderController {

    private final RoleRequestService requests;
    private final AccountRegistry accounts;
    private final PolicyAnalysisService analysis;

    TrustBuilderController(RoleRequestService requests, AccountRegistry accounts, PolicyAnalysisService analysis) {
        this.requests = requests;
        this.accounts = accounts;
        this.analysis = analysis;
    }

    /** The service principals to choose from, as the options of the service field's list. */
    @GetMapping("/requests/trust/services")
    String services(Model model) {
        model.addAttribute("servicePrincipals", analysis.servicePrincipals());
        return "request/trust :: service-options";
    }

    /**
     * The trusted-entity section for the form as posted. Builder fields write the JSON; an edit of the
     * JSON itself ({@code trustSource=json}) re-opens in the builder when it matches a pattern.
     */
    @PostMapping("/requests/trust")
    String preview(
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "") String trustSource,
            HttpServletResponse response,
            Model model) {
        if (trustSource.equals("json")) {
            TrustBuilding.recognise(form, TrustBuilding.accountIds(accounts));
        } else {
            for (FieldProblem problem : TrustBuilding.build(form, TrustBuilding.accountIds(accounts))) {
                binding.rejectValue(problem.field(), "invalid", problem.message());
            }
            // The fields' error lines are replaced in place, beside the fields the person is typing in.
            model.addAttribute("trustOob", true);
        }
        // The request analysis beside the form runs again on the policy just written.
        response.setHeader("HX-Trigger-After-Settle", "trust-built");
        model.addAttribute("accounts", accounts.all());
        return "request/trust :: entity";
    }

    /** Without JavaScript: re-renders the new-request form with the trust policy built, or the fields' errors. */
    @PostMapping(path = "/requests", params = "buildTrust")
    String build(@ModelAttribute("form") RoleRequestForm form, BindingResult binding, Model model) {
        buildInto(form, binding, model);
        return RoleRequestController.form(model, accounts);
    }

    /** As {@link #build(RoleRequestForm, BindingResult, Model)} on the revision form. */
    @PostMapping(path = "/requests/{id}/revise", params = "buildTrust")
    String buildRevision(
            @PathVariable RoleRequestId id,
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            Model model) {
        RoleRequestView request = requests.getForRevision(id, user);
        buildInto(form, binding, model);
        model.addAttribute("revising", request);
        model.addAttribute("revisionVersion", version);
        model.addAttribute("account", accounts.find(request.spec().accountId()).orElse(null));
        return RoleRequestController.form(model, accounts);
    }

    private void buildInto(RoleRequestForm form, BindingResult binding, Model model) {
        RoleRequestFormRows.report(binding);
        model.addAttribute("servicePrincipals", analysis.servicePrincipals());
        for (FieldProblem problem : TrustBuilding.build(form, TrustBuilding.accountIds(accounts))) {
            binding.rejectValue(problem.field(), "invalid", problem.message());
        }
    }
}
