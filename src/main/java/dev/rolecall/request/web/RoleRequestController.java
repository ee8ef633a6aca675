package dev.rolecall.request.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.Actor;
import dev.rolecall.request.RequestActions;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestSlice;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.review.ReviewProgress;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.RoleRequestCheck;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
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

/** The requester's pages: the new-request form, the list of requests and a request's page. */
@Controller
class RoleRequestController {

    static final int PAGE_SIZE = 20;

    private final RoleRequestService requests;
    private final AccountRegistry accounts;

    RoleRequestController(RoleRequestService requests, AccountRegistry accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    @GetMapping("/requests")
    String list(
            @RequestParam(required = false) @Nullable RoleRequestStatus status,
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key older,
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key newer,
            CurrentUser user,
            Model model) {
        model.addAttribute("requests", requests.list(user, status, older, newer, PAGE_SIZE));
        model.addAttribute("status", status);
        model.addAttribute("paged", older != null || newer != null);
        model.addAttribute("statuses", RoleRequestStatus.values());
        model.addAttribute("readsAll", user.canReadAllRequests());
        return "request/list";
    }

    @GetMapping("/requests/new")
    String newRequest(Model model) {
        RoleRequestForm form = new RoleRequestForm();
        if (accounts.all().size() == 1) {
            form.setAccountId(accounts.all().get(0).id());
        }
        form.startWithTrustBuilder(TrustBuilding.accountIds(accounts));
        model.addAttribute("form", form);
        return form(model);
    }

    @PostMapping(path = "/requests", params = "addInline")
    String addInlinePolicy(@ModelAttribute("form") RoleRequestForm form, BindingResult binding, Model model) {
        RoleRequestFormRows.addInlinePolicy(form, binding);
        return form(model);
    }

    @PostMapping(path = "/requests", params = "addTag")
    String addTag(@ModelAttribute("form") RoleRequestForm form, BindingResult binding, Model model) {
        RoleRequestFormRows.addTag(form, binding);
        return form(model);
    }

    /** Without JavaScript: the Check button re-renders the form with the problems and findings. */
    @PostMapping(path = "/requests", params = "check")
    String check(@ModelAttribute("form") RoleRequestForm form, BindingResult binding, Model model) {
        RoleRequestFormRows.report(binding);
        RoleRequestCheck check = check(form);
        reject(check.problems(), form, binding);
        model.addAttribute("check", check);
        return form(model);
    }

    /** With htmx: the analysis panel, refreshed as the person types. */
    @PostMapping("/requests/check")
    String liveCheck(@ModelAttribute("form") RoleRequestForm form, Model model) {
        model.addAttribute("check", check(form));
        return "request/form :: live-findings";
    }

    private RoleRequestCheck check(RoleRequestForm form) {
        return check(requests, accounts, form);
    }

    /** Checks the form's request, its problems named by the form's own fields. */
    static RoleRequestCheck check(RoleRequestService requests, AccountRegistry accounts, RoleRequestForm form) {
        RoleRequestFormMapper.Result result = RoleRequestFormMapper.toCommand(form, TrustBuilding.accountIds(accounts));
        RoleRequestCheck check = requests.check(result.command(), result.problems());
        List<FieldProblem> named = check.problems().stream()
                .map(problem -> new FieldProblem(RoleRequestFormMapper.formField(problem, form), problem.message()))
                .toList();
        return new RoleRequestCheck(named, check.analysis());
    }

    @PostMapping("/requests")
    String submit(
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RoleRequestFormRows.report(binding);
        if (binding.hasErrors()) {
            // Rows past the form's limits were not bound: submitting the rest would file a different request.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model);
        }
        RoleRequestFormMapper.Result result = RoleRequestFormMapper.toCommand(form, TrustBuilding.accountIds(accounts));
        try {
            RoleRequestView created = requests.submit(result.command(), result.problems(), user);
            redirect.addFlashAttribute(
                    "flash",
                    created.emergency() != null
                            ? "Emergency filed: approved at once and applying now. Reviewers review it after the fact."
                            : "Submitted for review. Reviewers see it in their inbox now.");
            return "redirect:/requests/" + created.id();
        } catch (RoleSpecInvalidException e) {
            reject(e.problems(), form, binding);
        }
        return form(model);
    }

    static void reject(List<FieldProblem> problems, RoleRequestForm form, BindingResult binding) {
        for (FieldProblem problem : problems) {
            binding.rejectValue(RoleRequestFormMapper.formField(problem, form), "invalid", problem.message());
        }
    }

    @GetMapping("/requests/{id}")
    String show(@PathVariable RoleRequestId id, CurrentUser user, Model model) {
        RoleRequestService.RequestPage page = requests.page(id, user);
        RoleRequestView request = page.request();
        model.addAttribute("request", request);
        model.addAttribute("analysis", requests.analysis(request));
        model.addAttribute("requestId", id);
        model.addAttribute("question", RolePermissionsController.Question.EMPTY);
        model.addAttribute("account", accounts.find(request.spec().accountId()).orElse(null));
        Optional<ReviewProgress> route = page.route();
        model.addAttribute("route", route.orElse(null));
        RequestActions may = ReviewAccess.narrow(request.actionsFor(Actor.of(user)), route);
        model.addAttribute("may", may);
        model.addAttribute("canRetry", may.retry());
        model.addAttribute("canRollBack", may.rollBack());
        model.addAttribute("nextStep", NextStep.of(request, may));
        model.addAttribute("mayReviewEmergency", page.mayReviewEmergency());
        return "request/detail";
    }

    @PostMapping("/requests/{id}/retry")
    String retry(
            @PathVariable RoleRequestId id,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            RedirectAttributes redirect) {
        requests.retry(id, version, user);
        redirect.addFlashAttribute("flash", "Retrying from the failed step. Calls that succeeded are not made again.");
        return "redirect:/requests/" + id;
    }

    @PostMapping("/requests/{id}/withdraw")
    String withdraw(
            @PathVariable RoleRequestId id,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            RedirectAttributes redirect) {
        requests.withdraw(id, version, user);
        redirect.addFlashAttribute("flash", "Request withdrawn.");
        return "redirect:/requests/" + id;
    }

    /** The request form, for a new request or (with {@code revising}) a new revision. */
    static String form(Model model, AccountRegistry accounts) {
        model.addAttribute("accounts", accounts.all());
        return "request/form";
    }

    private String form(Model model) {
        return form(model, accounts);
    }
}
