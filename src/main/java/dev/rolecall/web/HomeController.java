package dev.rolecall.web;

import dev.rolecall.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page sends each person to where their work is: reviewers, auditors and admins to the
 * dashboard, requesters to their requests.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home(CurrentUser user) {
        if (user.canReadAllRequests()) {
            return "redirect:/dashboard";
        }
        return "redirect:/requests";
    }
}
