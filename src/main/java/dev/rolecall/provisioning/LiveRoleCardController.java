package dev.rolecall.provisioning;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * "In AWS now": the request's role as it exists in AWS at this moment, read with the live role
 * reader, for the page of a request whose apply failed. A card htmx loads on its own, so the request
 * page never waits for AWS; without JavaScript the same URL is a page of its own. For whoever may
 * read the request.
 */
@Controller
class LiveRoleCardController {

    private static final Logger log = LoggerFactory.getLogger(LiveRoleCardController.class);

    private final RoleRequestService requests;
    private final LiveRoles liveRoles;

    LiveRoleCardController(RoleRequestService requests, LiveRoles liveRoles) {
        this.requests = requests;
        this.liveRoles = liveRoles;
    }

    @GetMapping("/requests/{id}/live-role")
    String liveRole(
            @PathVariable RoleRequestId id,
            CurrentUser user,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        RoleRequestView request = requests.get(id, user);
        model.addAttribute("request", request);
        try {
            model.addAttribute(
                    "live",
                    liveRoles
                            .read(request.spec().accountId(), request.spec().roleName())
                            .orElse(null));
            model.addAttribute("read", true);
        } catch (LiveRoleUnavailableException e) {
            log.info("request={} live role not read: {}", id, e.getMessage());
            model.addAttribute("read", false);
            model.addAttribute("unavailable", e.getMessage());
        }
        return htmx == null ? "provisioning/live-role" : "provisioning/live-role :: card";
    }
}
