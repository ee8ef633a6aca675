package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.permissions.AccessChange;
import dev.rolecall.policy.permissions.AccessDiff;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RevisionView;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.change.PlannedCall;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Against the live role": for a CHANGE or DELETE request, what the current revision changes in the
 * role as it was read from AWS, field by field, the access that appears and disappears, and the IAM
 * calls apply will make. A card of the request page loaded by htmx; without JavaScript the same URL
 * is a page of its own. Readable by whoever may read the request.
 */
@Controller
class ChangeAgainstLiveController {

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final RoleRequestService requests;
    private final RolePermissionsService permissions;

    ChangeAgainstLiveController(RoleRequestService requests, RolePermissionsService permissions) {
        this.requests = requests;
        this.permissions = permissions;
    }

    @GetMapping("/requests/{id}/change")
    ModelAndView change(
            @PathVariable RoleRequestId id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            CurrentUser user) {
        RoleRequestView request = requests.get(id, user);
        ModelAndView page = new ModelAndView(htmx != null ? "request/change :: card" : "request/change");
        page.addObject("request", request);
        ChangePlan plan = request.changePlan();
        if (plan == null) {
            page.setStatus(HttpStatus.NOT_FOUND);
            page.addObject("noPlan", true);
            return page;
        }
        RoleSpec desired = request.kind() == RequestKind.DELETE ? nothingOf(plan.baseline()) : request.spec();
        RevisionView live = new RevisionView(0, plan.baseline(), request.justification(), "AWS", plan.readAt());
        RevisionView asked = new RevisionView(
                request.revision(), desired, request.justification(), request.requester(), request.updatedAt());
        AccessDiff access = permissions.diff(
                RolePermissionsController.policies(plan.baseline()), RolePermissionsController.policies(desired));
        page.addObject("plan", plan);
        page.addObject(
                "calls",
                plan.calls().stream().map(ChangeAgainstLiveController::shown).toList());
        page.addObject("comparison", RevisionComparison.between(live, asked));
        page.addObject("access", access);
        page.addObject("accessAdded", firstOf(access.newlyAllowed()));
        page.addObject("accessRemoved", firstOf(access.noLongerAllowed()));
        return page;
    }

    /** A call as the card lists it: its name and its parameters as indented JSON. */
    record ShownCall(String call, String parameters) {}

    private static ShownCall shown(PlannedCall call) {
        return new ShownCall(call.call(), PRETTY.writeValueAsString(call.parameters()));
    }

    /** The role once deleted: no policies, no boundary, no tags; what it allowed is what disappears. */
    private static RoleSpec nothingOf(RoleSpec role) {
        return new RoleSpec(
                role.accountId(),
                role.roleName(),
                role.path(),
                null,
                role.trustPolicy(),
                List.of(),
                Map.of(),
                null,
                role.maxSessionDurationSeconds(),
                Map.of(),
                null);
    }

    private static List<AccessChange> firstOf(List<AccessChange> changes) {
        return changes.subList(0, Math.min(changes.size(), RevisionChangesController.ACCESS_CHANGES_SHOWN));
    }
}
