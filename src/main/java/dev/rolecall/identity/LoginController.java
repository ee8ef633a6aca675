package dev.rolecall.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security handles the POST. After a throttled attempt the page says,
 * in minutes, when to try again.
 */
@Controller
class LoginController {

    private final Clock clock;
    private final SignInMethods methods;

    LoginController(Clock clock, SignInMethods methods) {
        this.clock = clock;
        this.methods = methods;
    }

    /** Which ways of signing in the page offers. */
    @ModelAttribute
    void signInMethods(Model model) {
        model.addAttribute("localSignIn", methods.localSignIn());
        model.addAttribute("ssoName", methods.sso().enabled() ? methods.sso().name() : null);
    }

    /**
     * The provider vouched for the person but Rolecall let them in with no role: the page says why
     * and that their administrator can help. Only the known reasons have words; anything else reads
     * as "no role".
     */
    @GetMapping(SignInOutcomes.REFUSED_PAGE)
    String refused(@RequestParam(defaultValue = "") String reason, Model model) {
        model.addAttribute("reason", REFUSALS.contains(reason) ? reason : "no-mapped-role");
        return "identity/refused";
    }

    private static final Set<String> REFUSALS = Set.of("no-mapped-role", "name-taken", "no-username", "disabled");

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (request.getParameter("throttled") != null
                && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                        instanceof SignInThrottledException throttled) {
            model.addAttribute(
                    "retryMinutes", SignInThrottledException.minutesUntil(throttled.retryAt(), clock.instant()));
        }
        return "identity/login";
    }
}
