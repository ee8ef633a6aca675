package dev.rolecall.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page sends each person to where their work is. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(CurrentUser user) {
        if (user.has(Role.REVIEWER)) {
            return "redirect:/inbox";
        }
        if (user.canReadAudit() && !user.has(Role.ADMIN)) {
            return "redirect:/audit";
        }
        return "redirect:/requests";
    }
}
