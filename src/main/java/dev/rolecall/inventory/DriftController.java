package dev.rolecall.inventory;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.provisioning.LiveRoleUnavailableException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A role page's drift actions, for reviewers and admins: check the role against AWS now, or
 * re-apply its approved spec. Accepting the live role is a change request (a link on the page).
 * Each action is checked on the server, for this role.
 */
@Controller
class DriftController {

    private final RoleInventory inventory;
    private final DriftCheck drift;
    private final MessageSource messages;

    DriftController(RoleInventory inventory, DriftCheck drift, MessageSource messages) {
        this.inventory = inventory;
        this.drift = drift;
        this.messages = messages;
    }

    @PostMapping("/roles/{accountId}/{roleName}/drift/check")
    String check(
            @PathVariable String accountId,
            @PathVariable String roleName,
            CurrentUser user,
            RedirectAttributes redirect) {
        ManagedRole role = inventory.load(accountId, roleName, user);
        try {
            List<FieldDiff> diffs = drift.checkNow(role, user);
            flash(redirect, diffs.isEmpty() ? "role.drift.checked.none" : "role.drift.checked.found", diffs.size());
        } catch (LiveRoleUnavailableException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return page(accountId, roleName);
    }

    @PostMapping("/roles/{accountId}/{roleName}/drift/reapply")
    String reapply(
            @PathVariable String accountId,
            @PathVariable String roleName,
            CurrentUser user,
            RedirectAttributes redirect) {
        ManagedRole role = inventory.load(accountId, roleName, user);
        boolean scheduled = drift.requestReapply(role, user);
        flash(redirect, scheduled ? "role.drift.reapplying" : "role.drift.reapplyWaiting", 0);
        return page(accountId, roleName);
    }

    private void flash(RedirectAttributes redirect, String key, int count) {
        redirect.addFlashAttribute(
                "flash", messages.getMessage(key, new Object[] {count}, LocaleContextHolder.getLocale()));
    }

    private static String page(String accountId, String roleName) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/roles/{a}/{n}")
                        .buildAndExpand(accountId, roleName)
                        .encode()
                        .toUriString()
                + "#drift";
    }
}
