package dev.rolecall.request.web;

import dev.rolecall.request.inbox.InboxService;
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

    @ModelAttribute("inboxBadge")
    @Nullable
    InboxBadge inboxBadge(@Nullable Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return null;
        }
        boolean reviews = authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_REVIEWER".equals(authority.getAuthority()));
        return new InboxBadge(inbox.getIfAvailable(), authentication.getName(), reviews);
    }
}
