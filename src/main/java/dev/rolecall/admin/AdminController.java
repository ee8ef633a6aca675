package dev.rolecall.admin;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.inventory.DriftSchedule;
import dev.rolecall.provisioning.AccessCheckResult;
import dev.rolecall.provisioning.AccountAccessService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Accounts admin page, with Test access. Only admins reach it; each handler
 * checks that again, so no route depends on the URL rules alone.
 */
@Controller
class AdminController {

    private final AccountRegistry accounts;
    private final AccountAccessService access;
    private final DriftSchedule drift;

    AdminController(AccountRegistry accounts, AccountAccessService access, DriftSchedule drift) {
        this.accounts = accounts;
        this.access = access;
        this.drift = drift;
    }

    @GetMapping("/admin/accounts")
    String accounts(CurrentUser user, Model model) {
        requireAdmin(user);
        model.addAttribute(
                "accounts",
                accounts.all().stream()
                        .map(account -> AccountRow.of(account, drift))
                        .toList());
        return "admin/accounts";
    }

    /** Tests access with the apply's credentials; the result shows on the Accounts page. */
    @PostMapping("/admin/accounts/{accountId}/test-access")
    String testAccess(@PathVariable String accountId, CurrentUser user, RedirectAttributes redirect) {
        AccessCheckResult result =
                access.testAccess(accountId, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("accessCheck", result);
        return "redirect:/admin/accounts#account-" + result.accountId();
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException("admin pages are for admins");
        }
    }
}
