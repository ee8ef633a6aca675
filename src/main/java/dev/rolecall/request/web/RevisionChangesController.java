package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.permissions.AccessChange;
import dev.rolecall.policy.permissions.AccessDiff;
import dev.rolecall.request.RevisionView;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Changes since revision N": what a revision changed, field by field, and what access it adds,
 * for any two revisions a reader picks. A card of the request page loaded by htmx; without
 * JavaScript the same URL is a page of its own. Readable by whoever may read the request.
 */
@Controller
class RevisionChangesController {

    /** Access changes listed one by one; the summary sentence counts all of them. */
    static final int ACCESS_CHANGES_SHOWN = 25;

    private final RoleRequestService requests;
    private final RolePermissionsService permissions;

    RevisionChangesController(RoleRequestService requests, RolePermissionsService permissions) {
        this.requests = requests;
        this.permissions = permissions;
    }

    /**
     * Compares revision {@code from} with revision {@code to}; by default the previous revision with
     * the current one. A revision that does not exist is a 400 that names the ones that do.
     */
    @GetMapping("/requests/{id}/revisions")
    ModelAndView changes(
            @PathVariable RoleRequestId id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            CurrentUser user) {
        List<RevisionView> revisions = requests.revisions(id, user);
        int latest =
                revisions.isEmpty() ? 0 : revisions.get(revisions.size() - 1).number();
        int target = to == null ? latest : to;
        int base = from == null ? target - 1 : from;
        ModelAndView page = new ModelAndView(htmx != null ? "request/revision :: changes" : "request/revision");
        page.addObject("requestId", id);
        page.addObject("latest", latest);
        page.addObject("from", base);
        page.addObject("to", target);
        if (latest < 2) {
            page.addObject("pickError", "There is nothing to compare yet: this request has one revision.");
            return page;
        }
        RevisionView older = find(revisions, base);
        RevisionView newer = find(revisions, target);
        if (older == null || newer == null) {
            return noSuchRevision(page, latest);
        }
        addComparison(page, older, newer);
        // The request page's "What new access" card already lists the latest revision's changes, riskiest first.
        page.addObject("listedByAccessCard", base == latest - 1 && target == latest);
        return page;
    }

    /** The picker again, set to the latest two revisions, with a 400. */
    private static ModelAndView noSuchRevision(ModelAndView page, int latest) {
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("from", latest - 1);
        page.addObject("to", latest);
        page.addObject("pickError", "Pick two revisions between 1 and " + latest + ".");
        return page;
    }

    private void addComparison(ModelAndView page, RevisionView older, RevisionView newer) {
        AccessDiff access = permissions.diff(
                RolePermissionsController.policies(older.spec()), RolePermissionsController.policies(newer.spec()));
        page.addObject("comparison", RevisionComparison.between(older, newer));
        page.addObject("access", access);
        page.addObject("accessAdded", firstOf(access.newlyAllowed()));
        page.addObject("accessRemoved", firstOf(access.noLongerAllowed()));
    }

    private static @Nullable RevisionView find(List<RevisionView> revisions, int number) {
        return revisions.stream()
                .filter(revision -> revision.number() == number)
                .findFirst()
                .orElse(null);
    }

    private static List<AccessChange> firstOf(List<AccessChange> changes) {
        return changes.subList(0, Math.min(changes.size(), ACCESS_CHANGES_SHOWN));
    }
}
