package dev.rolecall.web;

import dev.rolecall.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs. */
@ControllerAdvice
class LayoutAdvice {

    private final UserDirectory users;

    LayoutAdvice(UserDirectory users) {
        this.users = users;
    }

    /** The signed-in person's name and sections, for the header; signed out on the sign-in page. */
    @ModelAttribute("nav")
    Nav nav(@Nullable Authentication authentication) {
        return Nav.of(authentication);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return users.isDemo();
    }
}
