package dev.rolecall.request.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.spec.RoleRequestCheck;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requester's answer to a review: the request form filled in with the current revision and the
 * reviewers' comments above it. Submitting files revision N+1 and review starts again. Every route
 * asks {@link RoleRequestService} first, so only the requester reaches the form, and only while the
 * request is in review or waiting for changes; the form carries the version it was read at, so a
 * request that changed meanwhile answers 409.
 */
@Controller
class RoleRevisionController {

    private final RoleRequestService requests;
    private final AccountRegistry accounts;

    RoleRevisionController(RoleRequestService requests, AccountRegistry accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    @GetMapping("/requests/{id}/revise")
    String edit(@PathVariable RoleRequestId id, CurrentUser user, Model model) {
        RoleRequestView request = requests.getForRevision(id, user);
        model.addAttribute("form", RoleRequestFormMapper.toForm(request, TrustBuilding.accountIds(accounts)));
        return form(request, request.version(), model);
    }

    @PostMapping(path = "/requests/{id}/revise", params = "addInline")
    String addInlinePolicy(
            @PathVariable RoleRequestId id,
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            Model model) {
        RoleRequestView request = requests.getForRevision(id, user);
        RoleRequestFormRows.addInlinePolicy(form, binding);
        return form(request, version, model);
    }

    @PostMapping(path = "/requests/{id}/revise", params = "addTag")
    String addTag(
            @PathVariable RoleRequestId id,
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            Model model) {
        RoleRequestView request = requests.getForRevision(id, user);
        RoleRequestFormRows.addTag(form, binding);
        return form(request, version, model);
    }

    /** Without JavaScript: the Check button re-renders the form with the problems and findings. */
    @PostMapping(path = "/requests/{id}/revise", params = "check")
    String check(
            @PathVariable RoleRequestId id,
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            Model model) {
        RoleRequestView request = requests.getForRevision(id, user);
        RoleRequestFormRows.report(binding);
        RoleRequestCheck check = RoleRequestController.check(requests, accounts, form);
        RoleRequestController.reject(check.problems(), form, binding);
        model.addAttribute("check", check);
        return form(request, version, model);
    }

    @PostMapping("/requests/{id}/revise")
    String revise(
            @PathVariable RoleRequestId id,
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RoleRequestFormRows.report(binding);
        if (binding.hasErrors()) {
            // Rows past the form's limits were not bound: revising with the rest would file a different role.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(requests.getForRevision(id, user), version, model);
        }
        RoleRequestFormMapper.Result result = RoleRequestFormMapper.toCommand(form, TrustBuilding.accountIds(accounts));
        try {
            RoleRequestView revised = requests.revise(id, version, result.command(), result.problems(), user);
            redirect.addFlashAttribute(
                    "flash",
                    "Revision " + revised.revision() + " submitted. Review starts again; reviewers see what changed.");
            return "redirect:/requests/" + id;
        } catch (RoleSpecInvalidException e) {
            RoleRequestController.reject(e.problems(), form, binding);
        }
        return form(requests.getForRevision(id, user), version, model);
    }

    private String form(RoleRequestView request, @Nullable Long version, Model model) {
        return form(request, version, model, accounts);
    }

    /** The revise form of this request, as sent with {@code version}. */
    static String form(RoleRequestView request, @Nullable Long version, Model model, AccountRegistry accounts) {
        model.addAttribute("revising", request);
        model.addAttribute("revisionVersion", version);
        model.addAttribute("account", accounts.find(request.spec().accountId()).orElse(null));
        return RoleRequestController.form(model, accounts);
    }
}
