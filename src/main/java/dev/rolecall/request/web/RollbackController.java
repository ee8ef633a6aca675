package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Roll back a failed apply, from the request page and from the API: the requester, a reviewer or
 * an admin asks, the service checks who asks and the request's state, and a rollback job removes
 * from AWS what the request created.
 */
@Controller
class RollbackController {

    private final RoleRequestService requests;

    RollbackController(RoleRequestService requests) {
        this.requests = requests;
    }

    @PostMapping("/requests/{id}/rollback")
    String rollBack(
            @PathVariable RoleRequestId id,
            @RequestParam(required = false) @Nullable Long version,
            CurrentUser user,
            RedirectAttributes redirect) {
        requests.rollBack(id, version, user);
        redirect.addFlashAttribute("flash", "Rolling back: Rolecall removes what this request created from AWS.");
        return "redirect:/requests/" + id;
    }

    /** Accepted: the rollback runs as a job; follow the request until it is ROLLED_BACK or FAILED. */
    @PostMapping(path = "/api/v1/role-requests/{id}/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<RoleRequestResource> rollBackApi(@PathVariable RoleRequestId id, CurrentUser user) {
        return ResponseEntity.accepted().body(RoleRequestResource.of(requests.rollBack(id, null, user)));
    }
}
