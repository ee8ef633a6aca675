package dev.rolecall.inventory;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.provisioning.RoleCallFailedException;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page, for admins: pick an account, see every role in it with its risk and top
 * finding, and adopt the unmanaged ones (one, or a selection). Anyone else is refused on the
 * server, whatever the page showed.
 */
@Controller
@Validated
class RoleImportController {

    private static final Logger log = LoggerFactory.getLogger(RoleImportController.class);

    private final RoleImport imports;
    private final AccountRegistry accounts;
    private final MessageSource messages;

    RoleImportController(RoleImport imports, AccountRegistry accounts, MessageSource messages) {
        this.imports = imports;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/roles/import")
    String page(
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[0-9]{12}") String account,
            CurrentUser user,
            Model model) {
        if (!user.has(Role.ADMIN)) {
            throw InventoryException.forbidden(user.username() + " may not import roles", "roles.import.denied");
        }
        model.addAttribute(
                "accounts",
                accounts.all().stream().filter(TargetAccount::applies).toList());
        model.addAttribute("account", account);
        if (account != null) {
            try {
                model.addAttribute("scan", imports.scan(account, user));
            } catch (RoleCallFailedException e) {
                log.warn("account={} outcome=scan-failed code={}", account, e.code());
                model.addAttribute("scanError", e.code());
            }
        }
        return "inventory/import";
    }

    /**
     * Files an IMPORT request for each chosen role and leads to the request (the first, when
     * several were filed); roles that cannot be adopted are named with the reason.
     */
    @PostMapping("/roles/import/adopt")
    String adopt(
            @RequestParam @Pattern(regexp = "[0-9]{12}") String account,
            @RequestParam(name = "role", required = false) @Nullable @Size(max = 1000)
                    List<@Pattern(regexp = "[\\w+=,.@-]{1,64}") String> names,
            @RequestParam(required = false) @Nullable @Size(max = 4000) String justification,
            CurrentUser user,
            RedirectAttributes redirect) {
        List<String> chosen = names == null ? List.of() : names;
        if (justification == null || justification.isBlank() || chosen.isEmpty()) {
            RoleImport.requireAdmin(user);
            redirect.addFlashAttribute(
                    "adoptError", chosen.isEmpty() ? "roles.import.noneChosen" : "roles.import.justification.required");
            return "redirect:/roles/import?account=" + account;
        }
        RoleImport.Adoption adoption = imports.adopt(account, chosen, justification.strip(), user);
        redirect.addFlashAttribute("refused", adoption.refused());
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage(
                        "roles.import.filed",
                        new Object[] {
                            adoption.filed().size(), adoption.refused().size()
                        },
                        LocaleContextHolder.getLocale()));
        if (adoption.filed().isEmpty()) {
            return "redirect:/roles/import?account=" + account;
        }
        return "redirect:/requests/" + adoption.filed().get(0).id();
    }
}
