package dev.rolecall.web;

import dev.rolecall.identity.UserDirectory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs. */
@ControllerAdvice
class LayoutAdvice {

    private final UserDirectory users;

    LayoutAdvice(UserDirectory users) {
        this.users = users;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return users.isDemo();
    }
}
