package dev.rolecall.token;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.ServiceAccount;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The tokens of one service account, for admins: the account's tokens, a form to create one (the
 * secret is shown in the answer to the POST, this once, with {@code Cache-Control: no-store}) and
 * Revoke for each active one. Admins only ({@code /admin/**}, and again in {@link ApiTokenService}).
 */
@Controller
class ServiceAccountTokenController {

    private static final String PAGE = "/admin/service-accounts/{name}/tokens";

    private final ApiTokenService tokens;
    private final TokenProperties properties;
    private final Clock clock;

    ServiceAccountTokenController(ApiTokenService tokens, TokenProperties properties, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(@PathVariable String name, CurrentUser admin, Model model) {
        return show(name, admin, model, Map.of(), "", List.of(), defaultExpiry());
    }

    @PostMapping(PAGE)
    String create(
            @PathVariable String name,
            @RequestParam(name = "name", defaultValue = "") String tokenName,
            @RequestParam(name = "scopes", required = false) String @Nullable [] scopes,
            @RequestParam(defaultValue = "") String expiresAt,
            CurrentUser admin,
            Model model,
            HttpServletResponse response) {
        List<String> chosen = scopes == null ? List.of() : Arrays.asList(scopes);
        try {
            ApiTokenService.Created created =
                    tokens.createFor(name, new TokenRequest(tokenName, chosen, expiresAt), admin);
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("created", created.secret());
            model.addAttribute("createdPrefix", created.token().prefix());
            return show(name, admin, model, Map.of(), "", List.of(), defaultExpiry());
        } catch (InvalidTokenRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(name, admin, model, e.problems(), tokenName, chosen, expiresAt);
        }
    }

    @PostMapping(PAGE + "/{id}/revoke")
    String revoke(@PathVariable String name, @PathVariable UUID id, CurrentUser admin, RedirectAttributes redirect) {
        ServiceAccount account = tokens.serviceAccount(name, admin);
        boolean itsOwn = tokens.listFor(account.username(), admin).stream().anyMatch(t -> t.id().equals(id));
        if (!itsOwn) {
            throw new TokenNotFoundException(id);
        }
        ApiToken token = tokens.revoke(id, admin);
        redirect.addFlashAttribute("flash", "Token " + token.prefix() + " revoked: it no longer works.");
        return "redirect:/admin/service-accounts/" + account.username() + "/tokens";
    }

    private String show(
            String name,
            CurrentUser admin,
            Model model,
            Map<String, String> problems,
            String tokenName,
            List<String> scopes,
            String expiresAt) {
        ServiceAccount account = tokens.serviceAccount(name, admin);
        Instant now = clock.instant();
        model.addAttribute("account", account);
        model.addAttribute(
                "tokens",
                tokens.listFor(name, admin).stream()
                        .map(t -> TokenView.of(t, now))
                        .toList());
        model.addAttribute(
                "scopeChoices",
                Arrays.stream(TokenScope.values())
                        .filter(scope -> ApiTokenService.mayHold(account.asUser(), scope))
                        .map(TokenScope::value)
                        .toList());
        model.addAttribute("problems", problems);
        model.addAttribute("name", tokenName);
        model.addAttribute("chosenScopes", scopes);
        model.addAttribute("expiresAt", expiresAt);
        model.addAttribute("maxDays", properties.maxLifetime().toDays());
        return "token/account-tokens";
    }

    private String defaultExpiry() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30).toString();
    }
}
