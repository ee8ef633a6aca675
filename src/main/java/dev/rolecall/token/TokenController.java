package dev.rolecall.token;

import dev.rolecall.identity.CurrentUser;
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
 * The tokens page: your tokens with their scopes, expiry and last use, a form to create one and a
 * Revoke button for each active one. A new token's secret is shown in the answer to the POST
 * itself, with {@code Cache-Control: no-store}, and never redirected through the session: it is
 * shown this once and stored nowhere.
 */
@Controller
class TokenController {

    private final ApiTokenService tokens;
    private final TokenProperties properties;
    private final Clock clock;

    TokenController(ApiTokenService tokens, TokenProperties properties, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/tokens")
    String page(CurrentUser user, Model model) {
        return show(user, model, Map.of(), "", List.of(), defaultExpiry());
    }

    @PostMapping("/tokens")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "scopes", required = false) String @Nullable [] scopes,
            @RequestParam(defaultValue = "") String expiresAt,
            CurrentUser user,
            Model model,
            HttpServletResponse response) {
        List<String> chosen = scopes == null ? List.of() : Arrays.asList(scopes);
        try {
            ApiTokenService.Created created = tokens.create(new TokenRequest(name, chosen, expiresAt), user);
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("created", created.secret());
            model.addAttribute("createdPrefix", created.token().prefix());
            return show(user, model, Map.of(), "", List.of(), defaultExpiry());
        } catch (InvalidTokenRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(user, model, e.problems(), name, chosen, expiresAt);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        ApiToken token = tokens.revoke(id, user);
        redirect.addFlashAttribute("flash", "Token " + token.prefix() + " revoked: it no longer works.");
        return "redirect:/tokens";
    }

    private String show(
            CurrentUser user,
            Model model,
            Map<String, String> problems,
            String name,
            List<String> scopes,
            String expiresAt) {
        Instant now = clock.instant();
        model.addAttribute(
                "tokens",
                tokens.list(user).stream().map(t -> TokenView.of(t, now)).toList());
        model.addAttribute(
                "scopeChoices",
                Arrays.stream(TokenScope.values())
                        .filter(scope -> ApiTokenService.mayHold(user, scope))
                        .map(TokenScope::value)
                        .toList());
        model.addAttribute("problems", problems);
        model.addAttribute("name", name);
        model.addAttribute("chosenScopes", scopes);
        model.addAttribute("expiresAt", expiresAt);
        model.addAttribute("maxDays", properties.maxLifetime().toDays());
        return "token/tokens";
    }

    private String defaultExpiry() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30).toString();
    }
}
