package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.RolePolicies;
import dev.rolecall.policy.permissions.AccessAnswer;
import dev.rolecall.policy.permissions.AccessChange;
import dev.rolecall.policy.permissions.AccessDiff;
import dev.rolecall.policy.permissions.AccessEntry;
import dev.rolecall.policy.permissions.AccessOverview;
import dev.rolecall.policy.permissions.AccessQuestionException;
import dev.rolecall.policy.permissions.PermissionSummary;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a requested role may do, as fragments of the request page: the effective-permission table, the
 * access a revision adds or takes away, and the "Can this role …?" form. Every route reads the request
 * through {@link RoleRequestService}, so people see only requests they may see.
 */
@Controller
class RolePermissionsController {

    /** Risky actions listed per concern on the cards; the full list has the rest. */
    static final int CONCERN_SHOWN = 8;

    /** Services listed on the cards, those that matter most first; the full list has the rest. */
    static final int SERVICES_SHOWN = 12;

    /** No-longer-allowed actions listed on the card. */
    static final int REMOVED_SHOWN = 20;

    /** Up to this many changes, the card's summary sentence names the actions. */
    static final int CHANGES_NAMED = 20;

    /** The longest action, resource and context a person may ask about, in characters. */
    static final int MAX_QUESTION_CHARS = 4096;

    private final RoleRequestService requests;
    private final RolePermissionsService permissions;

    RolePermissionsController(RoleRequestService requests, RolePermissionsService permissions) {
        this.requests = requests;
        this.permissions = permissions;
    }

    @GetMapping("/requests/{id}/permissions")
    String permissions(
            @PathVariable RoleRequestId id,
            CurrentUser user,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        RoleRequestView request = requests.get(id, user);
        RolePolicies role = policies(request.spec());
        RolePermissionsService.RoleAccessView access = permissions.view(role);
        PermissionSummary summary = access.summary();
        Map<String, Integer> removedByBoundary = new HashMap<>();
        summary.services().forEach(service -> removedByBoundary.put(service.prefix(), service.removedByBoundary()));
        model.addAttribute("requestId", id);
        model.addAttribute("summary", summary);
        model.addAttribute("overview", AccessOverview.of(access.entries()));
        model.addAttribute("removedByBoundary", removedByBoundary);
        addLimits(model);
        // Not "summary": a fragment selector also matches elements by name, and <summary> is one.
        return view(htmx, "effective", request, model);
    }

    /** Every allowed action, risky ones first, filtered and paged on the server. */
    @GetMapping("/requests/{id}/permissions/all")
    String allPermissions(
            @PathVariable RoleRequestId id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page,
            CurrentUser user,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        RoleRequestView request = requests.get(id, user);
        model.addAttribute("requestId", id);
        model.addAttribute("list", AccessListPage.of(permissions.entries(policies(request.spec())), q, page));
        model.addAttribute("listKind", "permissions");
        return view(htmx, "access-list", request, model);
    }

    @GetMapping("/requests/{id}/changes")
    String changes(
            @PathVariable RoleRequestId id,
            CurrentUser user,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        RoleRequestView request = requests.get(id, user);
        Revisions revisions = revisions(request, user);
        AccessDiff diff = revisions.diff();
        model.addAttribute("requestId", id);
        model.addAttribute("revision", request.revision());
        model.addAttribute("firstRevision", revisions.first());
        model.addAttribute("diff", diff);
        model.addAttribute("overview", AccessOverview.of(permissions.entries(diff.newlyAllowed(), revisions.after())));
        model.addAttribute("shownRemoved", firstOf(diff.noLongerAllowed(), REMOVED_SHOWN));
        addLimits(model);
        return view(htmx, "changes", request, model);
    }

    /** What the current revision newly allows (or, with {@code removed}, no longer allows), risky first. */
    @GetMapping("/requests/{id}/changes/all")
    String allChanges(
            @PathVariable RoleRequestId id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "false") boolean removed,
            CurrentUser user,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        RoleRequestView request = requests.get(id, user);
        Revisions revisions = revisions(request, user);
        AccessDiff diff = revisions.diff();
        List<AccessEntry> entries = removed
                ? permissions.entries(diff.noLongerAllowed(), revisions.before())
                : permissions.entries(diff.newlyAllowed(), revisions.after());
        model.addAttribute("requestId", id);
        model.addAttribute("list", AccessListPage.of(entries, q, page));
        model.addAttribute("listKind", removed ? "removed" : "added");
        return view(htmx, "access-list", request, model);
    }

    @GetMapping("/requests/{id}/can-do")
    String canDoForm(
            @PathVariable RoleRequestId id,
            CurrentUser user,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        requests.get(id, user);
        model.addAttribute("requestId", id);
        model.addAttribute("question", Question.EMPTY);
        return htmx != null ? "request/permissions :: can-do" : "request/can-do";
    }

    @PostMapping("/requests/{id}/can-do")
    String canDo(
            @PathVariable RoleRequestId id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String resource,
            @RequestParam(defaultValue = "") String context,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            CurrentUser user,
            Model model) {
        RoleRequestView request = requests.get(id, user);
        Question question = new Question(action, resource, context);
        model.addAttribute("requestId", id);
        model.addAttribute("question", question);
        try {
            if (action.length() + resource.length() + context.length() > MAX_QUESTION_CHARS) {
                throw new AccessQuestionException(
                        "action", "The question is too long: at most " + MAX_QUESTION_CHARS + " characters.");
            }
            AccessAnswer answer = permissions.canDo(policies(request.spec()), action, resource, context(context));
            model.addAttribute("answer", answer);
        } catch (AccessQuestionException e) {
            model.addAttribute("questionField", e.field());
            model.addAttribute("questionError", e.getMessage());
        }
        return htmx != null ? "request/permissions :: can-do" : "request/can-do";
    }

    /** What the person asked, echoed back into the form. */
    record Question(String action, String resource, String context) {

        static final Question EMPTY = new Question("", "", "");
    }

    static RolePolicies policies(RoleSpec spec) {
        List<PolicyInput> inline = new ArrayList<>();
        spec.inlinePolicies().forEach((name, document) -> inline.add(PolicyInput.of(name, document)));
        return new RolePolicies(
                spec.accountId(),
                inline,
                spec.managedPolicyArns(),
                spec.permissionsBoundaryArn(),
                "arn:aws:iam::" + spec.accountId() + ":role" + spec.path() + spec.roleName());
    }

    /** Context lines {@code key=value}; a key given on several lines gets several values. */
    static Map<String, List<String>> context(String text) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new AccessQuestionException(
                        "context", "Write one context key per line as key=value, e.g. aws:SecureTransport=true.");
            }
            context.computeIfAbsent(line.substring(0, equals).strip(), key -> new ArrayList<>())
                    .add(line.substring(equals + 1).strip());
        }
        return context;
    }

    /**
     * The revision before the current one (for revision 1, a role without policies), the current one,
     * and what changed between them.
     */
    private Revisions revisions(RoleRequestView request, CurrentUser user) {
        Optional<RoleSpec> previous = request.revision() > 1
                ? requests.revisionSpec(request.id(), request.revision() - 1, user)
                : Optional.empty();
        RolePolicies before = previous.map(RolePermissionsController::policies)
                .orElseGet(() -> new RolePolicies(request.spec().accountId(), List.of(), List.of(), null));
        RolePolicies after = policies(request.spec());
        return new Revisions(before, after, previous.isEmpty(), permissions.diff(before, after));
    }

    private record Revisions(RolePolicies before, RolePolicies after, boolean first, AccessDiff diff) {}

    /** The fragment for htmx; the same fragment inside a page of its own for a plain link. */
    private static String view(@Nullable String htmx, String fragment, RoleRequestView request, Model model) {
        model.addAttribute("fragment", fragment);
        model.addAttribute("standalone", htmx == null);
        model.addAttribute("roleName", request.spec().roleName());
        return htmx != null ? "request/permissions :: " + fragment : "request/access";
    }

    private static void addLimits(Model model) {
        model.addAttribute("concernShown", CONCERN_SHOWN);
        model.addAttribute("servicesShown", SERVICES_SHOWN);
        model.addAttribute("changesNamed", CHANGES_NAMED);
    }

    private static List<AccessChange> firstOf(List<AccessChange> changes, int count) {
        return changes.subList(0, Math.min(changes.size(), count));
    }
}
