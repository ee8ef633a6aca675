package dev.rolecall.web;

import dev.rolecall.identity.UserDirectory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the demo flag as a model attribute, and the header's {@link Nav},
 * which the layout reads itself ({@code ${@layoutAdvice.nav()}}) once per page, so that pages an
 * exception handler renders (404, 403, busy), which get no model attributes, show it too.
 */
@ControllerAdvice
public class LayoutAdvice {

    private final UserDirectory users;

    LayoutAdvice(UserDirectory users) {
        this.users = users;
    }

    /** The signed-in person's name and sections, or signed out. */
    public Nav nav() {
        return Nav.of(SecurityContextHolder.getContext().getAuthentication());
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return users.isDemo();
    }
}
