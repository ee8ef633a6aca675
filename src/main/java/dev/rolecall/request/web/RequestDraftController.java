package dev.rolecall.request.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestSlice;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.draft.DraftRefusedException;
import dev.rolecall.request.draft.RequestDraft;
import dev.rolecall.request.draft.RequestDraftService;
import dev.rolecall.request.problems.RoleSpecInvalidException;
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
 * Drafts: "Save as draft" on the request form, the Drafts tab, a draft reopened in the form, filed
 * or deleted, and "Copy" on a request's page. Every draft route answers 404 to anyone but the
 * draft's author.
 */
@Controller
class RequestDraftController {

    static final int PAGE_SIZE = 20;

    private final RequestDraftService drafts;
    private final RoleRequestService requests;
    private final AccountRegistry accounts;

    RequestDraftController(RequestDraftService drafts, RoleRequestService requests, AccountRegistry accounts) {
        this.drafts = drafts;
        this.requests = requests;
        this.accounts = accounts;
    }

    @GetMapping("/requests/drafts")
    String list(
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key older,
            @RequestParam(required = false) RoleRequestSlice.@Nullable Key newer,
            CurrentUser user,
            Model model) {
        model.addAttribute("drafts", drafts.list(user, older, newer, PAGE_SIZE));
        model.addAttribute("paged", older != null || newer != null);
        return "request/drafts";
    }

    /** Keeps what the form holds, valid or not; {@code draft} names the draft it replaces. */
    @PostMapping(path = "/requests", params = "saveDraft")
    String save(
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            @RequestParam(name = "draft", required = false) @Nullable String draft,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RoleRequestFormRows.report(binding);
        if (!binding.hasErrors()) {
            try {
                RequestDraft saved =
                        drafts.save(draft == null ? null : DraftForms.id(draft), DraftForms.content(form), user);
                redirect.addFlashAttribute(
                        "flash", "Draft saved. Only you can see it; nothing goes to review until you submit it.");
                return "redirect:/requests/drafts/" + saved.id();
            } catch (DraftRefusedException e) {
                binding.reject(e.messageKey(), e.arguments(), e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(model, form);
    }

    @GetMapping("/requests/drafts/{id}")
    String open(@PathVariable String id, CurrentUser user, Model model) {
        RequestDraft draft = drafts.get(DraftForms.id(id), user);
        RoleRequestForm form = DraftForms.form(draft);
        model.addAttribute("form", form);
        model.addAttribute("draft", draft);
        return form(model, form);
    }

    /** Files the draft as a request; the draft stays until the request is filed, then it is removed. */
    @PostMapping("/requests/drafts/{id}/submit")
    String submit(
            @PathVariable String id,
            @ModelAttribute("form") RoleRequestForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RequestDraft draft = drafts.get(DraftForms.id(id), user);
        model.addAttribute("draft", draft);
        RoleRequestFormRows.report(binding);
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form);
        }
        RoleRequestFormMapper.Result result = RoleRequestFormMapper.toCommand(form, TrustBuilding.accountIds(accounts));
        try {
            RoleRequestView filed = requests.submit(result.command(), result.problems(), user);
            drafts.delete(draft.id(), user);
            redirect.addFlashAttribute("flash", "Submitted for review. Reviewers see it in their inbox now.");
            return "redirect:/requests/" + filed.id();
        } catch (RoleSpecInvalidException e) {
            RoleRequestController.reject(e.problems(), form, binding);
        }
        return form(model, form);
    }

    @PostMapping("/requests/drafts/{id}/delete")
    String delete(@PathVariable String id, CurrentUser user, RedirectAttributes redirect) {
        drafts.delete(DraftForms.id(id), user);
        redirect.addFlashAttribute("flash", "Draft deleted.");
        return "redirect:/requests/drafts";
    }

    /** A new draft of the current revision of a request the person may read; 404 for any other. */
    @PostMapping("/requests/{id}/copy")
    String copy(@PathVariable RoleRequestId id, CurrentUser user, RedirectAttributes redirect) {
        RoleRequestView source = requests.get(id, user);
        RoleRequestForm form = DraftForms.copyOf(source, TrustBuilding.accountIds(accounts));
        try {
            RequestDraft copy = drafts.save(null, DraftForms.content(form), user);
            redirect.addFlashAttribute(
                    "flash",
                    "Copied into a new draft. Name the role and say why you need it, then submit it for review.");
            return "redirect:/requests/drafts/" + copy.id();
        } catch (DraftRefusedException e) {
            redirect.addFlashAttribute("flash", "Not copied: you have too many drafts. Delete some, then copy again.");
            return "redirect:/requests/" + id;
        }
    }

    /** The request form; a change shows its account's name beside the fixed account and role. */
    private String form(Model model, RoleRequestForm form) {
        if (form.isChange()) {
            model.addAttribute("account", accounts.find(form.getAccountId()).orElse(null));
        }
        return RoleRequestController.form(model, accounts);
    }
}
