package dev.rolecall.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles the POST. After a throttled attempt the page says,
 * in minutes, when to try again.
 */
@Controller
class LoginController {

    private final Clock clock;

    LoginController(Clock clock) {
        this.clock = clock;
    }

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
