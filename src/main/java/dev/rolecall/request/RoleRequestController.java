package dev.rolecall.request;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
            @RequestParam(defaultValue = "0") int page,
            CurrentUser user,
            Model model) {
        PageRequest pageable = PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "createdAt"));
        model.addAttribute("requests", requests.list(user, status, pageable));
        model.addAttribute("status", status);
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
        model.addAttribute("form", form);
        return form(model);
    }

    @PostMapping(path = "/requests", params = "addInline")
    String addInlinePolicy(@ModelAttribute("form") RoleRequestForm form, Model model) {
        form.getInlinePolicies().add(new RoleRequestForm.InlinePolicy());
        return form(model);
    }

    @PostMapping(path = "/requests", params = "addTag")
    String addTag(@ModelAttribute("form") RoleRequestForm form, Model model) {
        form.getTags().add(new RoleRequestForm.Tag());
        return form(model);
    }

    /** Without JavaScript: the Check button re-renders the form with the problems and findings. */
    @PostMapping(path = "/requests", params = "check")
    String check(@ModelAttribute("form") RoleRequestForm form, BindingResult binding, Model model) {
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
        RoleRequestFormMapper.Result result = RoleRequestFormMapper.toCommand(form);
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
            RedirectAttributes redirect) {
        RoleRequestFormMapper.Result result = RoleRequestFormMapper.toCommand(form);
        try {
            RoleRequestView created = requests.submit(result.command(), result.problems(), user);
            redirect.addFlashAttribute("flash", "Submitted for review. Reviewers see it in their inbox now.");
            return "redirect:/requests/" + created.id();
        } catch (RoleSpecInvalidException e) {
            reject(e.problems(), form, binding);
        }
        return form(model);
    }

    private static void reject(List<FieldProblem> problems, RoleRequestForm form, BindingResult binding) {
        for (FieldProblem problem : problems) {
            binding.rejectValue(RoleRequestFormMapper.formField(problem, form), "invalid", problem.message());
        }
    }

    @GetMapping("/requests/{id}")
    String show(@PathVariable RoleRequestId id, CurrentUser user, Model model) {
        RoleRequestView request = requests.get(id, user);
        model.addAttribute("request", request);
        model.addAttribute("analysis", requests.analysis(request));
        model.addAttribute("requestId", id);
        model.addAttribute("question", RolePermissionsController.Question.EMPTY);
        model.addAttribute("account", accounts.find(request.spec().accountId()).orElse(null));
        model.addAttribute("isRequester", request.requester().equals(user.username()));
        model.addAttribute("isReviewer", user.has(dev.rolecall.identity.Role.REVIEWER));
        model.addAttribute("canRetry", request.retryableBy(user));
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

    private String form(Model model) {
        model.addAttribute("accounts", accounts.all());
        return "request/form";
    }
}
