package dev.rolecall.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's service accounts page: every account with its roles, owner and state, a form to
 * create one, Disable or Enable for each, and a link to its tokens. Admins only ({@code /admin/**}
 * in {@link SecurityConfiguration}, and again in {@link ServiceAccountService}). Also disables and
 * enables people who sign in through the provider, from the people page.
 */
@Controller
class ServiceAccountController {

    static final String PAGE = "/admin/service-accounts";

    private final ServiceAccountService service;
    private final Principals principals;

    ServiceAccountController(ServiceAccountService service, Principals principals) {
        this.service = service;
        this.principals = principals;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        return show(model, Map.of(), new ServiceAccountForm("", "", List.of("REQUESTER"), "", List.of(), ""));
    }

    @PostMapping(PAGE)
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(name = "roles", required = false) String @Nullable [] roles,
            @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String groups,
            @RequestParam(defaultValue = "") String owner,
            CurrentUser admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ServiceAccountForm form = new ServiceAccountForm(
                name,
                description,
                roles == null ? List.of() : Arrays.asList(roles),
                team,
                Arrays.asList(groups.split("[,\\s]+")),
                owner);
        try {
            ServiceAccount created = service.create(form, admin);
            redirect.addFlashAttribute(
                    "flash", "Service account " + created.username() + " created. Create a token for it below.");
            return "redirect:" + PAGE + "/" + created.username() + "/tokens";
        } catch (InvalidServiceAccountException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, e.problems(), form);
        }
    }

    @PostMapping(PAGE + "/{name}/disable")
    String disable(@PathVariable String name, CurrentUser admin, RedirectAttributes redirect) {
        service.disable(name, admin);
        redirect.addFlashAttribute("flash", "Service account " + name + " disabled: its tokens no longer work.");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{name}/enable")
    String enable(@PathVariable String name, CurrentUser admin, RedirectAttributes redirect) {
        service.enable(name, admin);
        redirect.addFlashAttribute("flash", "Service account " + name + " enabled: its active tokens work again.");
        return "redirect:" + PAGE;
    }

    @PostMapping("/admin/people/{username}/disable")
    String disablePerson(@PathVariable String username, CurrentUser admin, RedirectAttributes redirect) {
        service.setPersonDisabled(username, true, admin);
        redirect.addFlashAttribute(
                "flash", username + " disabled: they cannot sign in and their tokens no longer work.");
        return "redirect:/admin/people";
    }

    @PostMapping("/admin/people/{username}/enable")
    String enablePerson(@PathVariable String username, CurrentUser admin, RedirectAttributes redirect) {
        service.setPersonDisabled(username, false, admin);
        redirect.addFlashAttribute("flash", username + " enabled: they may sign in again.");
        return "redirect:/admin/people";
    }

    private String show(Model model, Map<String, String> problems, ServiceAccountForm form) {
        model.addAttribute("accounts", principals.serviceAccounts());
        model.addAttribute("problems", problems);
        model.addAttribute("form", form);
        model.addAttribute("groupsText", String.join(", ", form.groupList()));
        model.addAttribute("roleChoices", List.of(Role.REQUESTER, Role.REVIEWER, Role.AUDITOR));
        return "identity/service-accounts";
    }
}
