package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.routing.BreakGlass;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the request form whether to offer break-glass: only to the people allowed to file emergencies. */
@ControllerAdvice(assignableTypes = {RoleRequestController.class, ChangeRequestController.class})
class EmergencyFormAdvice {

    // A provider: web slices that leave routing out (every @WebMvcTest loads this advice) offer it to nobody.
    private final ObjectProvider<BreakGlass> breakGlass;

    EmergencyFormAdvice(ObjectProvider<BreakGlass> breakGlass) {
        this.breakGlass = breakGlass;
    }

    @ModelAttribute("mayFileEmergency")
    boolean mayFileEmergency(CurrentUser user) {
        BreakGlass rules = breakGlass.getIfAvailable();
        return rules != null && rules.mayFile(user.username());
    }
}
