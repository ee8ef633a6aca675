package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.RolePolicies;
import dev.rolecall.policy.permissions.AccessDiff;
import dev.rolecall.policy.permissions.AccessOverview;
import dev.rolecall.policy.permissions.PermissionSummary;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import java.util.List;
import java.util.Optional;
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

    /** The risky actions by concern, then the actions per service, those that matter most first. */
    @GetMapping("/permissions/overview")
    AccessOverview permissionsOverview(@PathVariable RoleRequestId id, CurrentUser user) {
        return AccessOverview.of(permissions.entries(
                RolePermissionsController.policies(requests.get(id, user).spec())));
    }

    /** Against the previous revision; for revision 1, against a role without policies. */
    @GetMapping("/changes")
    AccessDiff changes(@PathVariable RoleRequestId id, CurrentUser user) {
        RoleRequestView request = requests.get(id, user);
        return permissions.diff(base(request, user), RolePermissionsController.policies(request.spec()));
    }

    /** What the current revision newly allows, as {@link #permissionsOverview} reads it. */
    @GetMapping("/changes/overview")
    AccessOverview changesOverview(@PathVariable RoleRequestId id, CurrentUser user) {
        RoleRequestView request = requests.get(id, user);
        RolePolicies current = RolePermissionsController.policies(request.spec());
        AccessDiff diff = permissions.diff(base(request, user), current);
        return AccessOverview.of(permissions.entries(diff.newlyAllowed(), current));
    }

    private RolePolicies base(RoleRequestView request, CurrentUser user) {
        return (request.revision() > 1
                        ? requests.revisionSpec(request.id(), request.revision() - 1, user)
                        : Optional.<RoleSpec>empty())
                .map(RolePermissionsController::policies)
                .orElseGet(() -> new RolePolicies(request.spec().accountId(), List.of(), List.of(), null));
    }
}
