package dev.rolecall.routing.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.routing.ReviewRouter;
import dev.rolecall.routing.RouteQuery;
import dev.rolecall.routing.RoutingConfiguration;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/routing}, for admins: the reviewer groups, each account's owners, the rules in order,
 * the digest the audit trail records, and a tester that shows the route a request with given facts
 * would take and the rule that gives it. Reading only: the tester changes nothing, so it is a GET.
 */
@Controller
class RoutingAdminController {

    private final RoutingConfiguration configuration;
    private final ReviewRouter router;
    private final AccountRegistry accounts;

    RoutingAdminController(RoutingConfiguration configuration, ReviewRouter router, AccountRegistry accounts) {
        this.configuration = configuration;
        this.router = router;
        this.accounts = accounts;
    }

    /** Blank fields are left out, not facts that match nothing. */
    @InitBinder("tester")
    void blankIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/admin/routing")
    String show(
            @Valid @ModelAttribute("tester") RouteTesterForm tester,
            BindingResult binding,
            CurrentUser user,
            Model model) {
        if (!user.has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("routing", configuration);
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("risks", dev.rolecall.policy.analysis.RiskLevel.values());
        if (tester.asked() && !binding.hasErrors()) {
            model.addAttribute("route", router.routeFor(queryOf(tester)));
        }
        return "routing/admin";
    }

    private RouteQuery queryOf(RouteTesterForm form) {
        String account = form.account() == null ? "" : form.account();
        String environment = form.environment() != null
                ? form.environment()
                : accounts.find(account).map(TargetAccount::environment).orElse("");
        return new RouteQuery(
                account,
                environment,
                form.kind() == null ? "CREATE" : form.kind(),
                form.risk(),
                codes(form.findings()),
                form.roleName() == null ? "" : form.roleName(),
                form.path() == null ? "/" : form.path(),
                form.team());
    }

    private static Set<String> codes(@org.jspecify.annotations.Nullable String findings) {
        if (findings == null) {
            return Set.of();
        }
        return Arrays.stream(findings.split("[,\\s]+"))
                .filter(code -> !code.isBlank())
                .collect(Collectors.toSet());
    }
}
