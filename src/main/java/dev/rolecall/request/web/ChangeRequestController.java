package dev.rolecall.request.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.spec.RoleSpecConverter;
import dev.rolecall.request.spec.SubmitRoleRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Requests about a role that exists: "Request a change" opens the request form filled in with the
 * live role, "Delete" a confirmation page that asks why. Both read the role from AWS when the page
 * opens; only roles Rolecall manages, and only for the role's team, reviewers and admins.
 */
@Controller
class ChangeRequestController {

    private final RoleRequestService requests;
    private final AccountRegistry accounts;

    ChangeRequestController(RoleRequestService requests, AccountRegistry accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    /** The request form filled in with the live role; {@code expiresAt} prefilled to extend a temporary role. */
    @GetMapping(path = "/requests/new", params = "kind=CHANGE")
    String change(
            @RequestParam String account,
            @RequestParam String role,
            @RequestParam(required = false) @Nullable String expiresAt,
            CurrentUser user,
            Model model,
            HttpServletResponse response) {
        RoleSpec live;
        try {
            live = requests.liveRoleToChange(account, role, user);
        } catch (RoleSpecInvalidException e) {
            return cannot(RequestKind.CHANGE, account, role, e, model, response);
        }
        RoleRequestForm form = RoleRequestFormMapper.toForm(live, "", TrustBuilding.accountIds(accounts));
        form.setKind(RequestKind.CHANGE.name());
        if (expiresAt != null && !expiresAt.isBlank()) {
            form.setExpiresAt(localExpiry(expiresAt));
        }
        model.addAttribute("form", form);
        model.addAttribute("account", accounts.find(account).orElse(null));
        return RoleRequestController.form(model, accounts);
    }

    /** The confirmation page of a delete: the live role, what disappears with it, and why. */
    @GetMapping(path = "/requests/new", params = "kind=DELETE")
    String delete(
            @RequestParam String account,
            @RequestParam String role,
            CurrentUser user,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("role", requests.liveRoleToChange(account, role, user));
        } catch (RoleSpecInvalidException e) {
            return cannot(RequestKind.DELETE, account, role, e, model, response);
        }
        model.addAttribute("account", accounts.find(account).orElse(null));
        model.addAttribute("justification", "");
        return "request/delete";
    }

    @PostMapping("/requests/delete")
    String submitDelete(
            @RequestParam String accountId,
            @RequestParam String roleName,
            @RequestParam(defaultValue = "") String justification,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            RoleRequestView filed = requests.submit(
                    new SubmitRoleRequest(
                            nameOnly(accountId, roleName), justification.strip(), Map.of(), RequestKind.DELETE),
                    user);
            redirect.addFlashAttribute(
                    "flash", "Delete request submitted for review. Nothing changes in AWS until it is approved.");
            return "redirect:/requests/" + filed.id();
        } catch (RoleSpecInvalidException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.problems());
            model.addAttribute("justification", justification);
            model.addAttribute("account", accounts.find(accountId).orElse(null));
            model.addAttribute("role", nameOnly(accountId, roleName));
            return "request/delete";
        }
    }

    private static String cannot(
            RequestKind kind,
            String account,
            String role,
            RoleSpecInvalidException e,
            Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("kind", kind);
        model.addAttribute("accountId", account);
        model.addAttribute("roleName", role);
        model.addAttribute("problems", e.problems());
        return "request/cannot-change";
    }

    /** An expiry as the form takes it (UTC, to the minute), from an instant or the form's own format. */
    private static String localExpiry(String text) {
        try {
            return LocalDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static RoleSpec nameOnly(String accountId, String roleName) {
        return new RoleSpec(
                accountId.strip(),
                roleName.strip(),
                "/",
                null,
                RoleSpecConverter.JSON.createObjectNode(),
                List.of(),
                Map.of(),
                null,
                RoleSpec.DEFAULT_SESSION_SECONDS,
                Map.of(),
                null);
    }
}
