package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.AccessDiff;
import dev.rolecall.policy.PermissionSummary;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.RolePolicies;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A request's effective permissions and the access its current revision adds, as JSON. */
@RestController
@RequestMapping(path = "/api/v1/role-requests/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class RolePermissionsApiController {

    private final RoleRequestService requests;
    private final RolePermissionsService permissions;

    RolePermissionsApiController(RoleRequestService requests, RolePermissionsService permissions) {
        this.requests = requests;
        this.permissions = permissions;
    }

    @GetMapping("/permissions")
    PermissionSummary permissions(@PathVariable RoleRequestId id, CurrentUser user) {
        return permissions.summarise(
                RolePermissionsController.policies(requests.get(id, user).spec()));
    }

    /** Against the previous revision; for revision 1, against a role without policies. */
    @GetMapping("/changes")
    AccessDiff changes(@PathVariable RoleRequestId id, CurrentUser user) {
        RoleRequestView request = requests.get(id, user);
        RolePolicies base = (request.revision() > 1
                        ? requests.revisionSpec(id, request.revision() - 1, user)
                        : java.util.Optional.<RoleSpec>empty())
                .map(RolePermissionsController::policies)
                .orElseGet(() -> new RolePolicies(request.spec().accountId(), List.of(), List.of(), null));
        return permissions.diff(base, RolePermissionsController.policies(request.spec()));
    }
}
