package dev.rolecall.request.web;

import dev.rolecall.identity.Role;
import dev.rolecall.request.inbox.InboxService;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Hands every page's layout the nav's count of requests waiting for the reader, read only if shown. */
@ControllerAdvice(annotations = Controller.class)
class InboxBadgeAdvice {

    private final ObjectProvider<InboxService> inbox;

    InboxBadgeAdvice(ObjectProvider<InboxService> inbox) {
        this.inbox = inbox;
    }

    /**
     * No count on error pages: the page that failed may have failed for want of a database
     * connection (the 503 "busy" page), and its error page must not wait for one again.
     */
    @ModelAttribute("inboxBadge")
    @Nullable
    InboxBadge inboxBadge(@Nullable Principal principal, HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return null;
        }
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return null;
        }
        boolean reviews = authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.REVIEWER.authority().equals(authority.getAuthority()));
        return new InboxBadge(inbox.getIfAvailable(), authentication.getName(), reviews);
    }
}
