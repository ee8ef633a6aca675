package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.AccessAnswer;
import dev.rolecall.policy.AccessChange;
import dev.rolecall.policy.AccessDiff;
import dev.rolecall.policy.AccessQuestionException;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.RolePolicies;
import java.util.ArrayList;
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

    /** Changes listed one by one; the summary sentence counts all of them. */
    static final int CHANGES_SHOWN = 200;

    /** The longest action, resource and context a person may ask about, in characters. */
    static final int MAX_QUESTION_CHARS = 4096;

    private final RoleRequestService requests;
    private final RolePermissionsService permissions;

    RolePermissionsController(RoleRequestService requests, RolePermissionsService permissions) {
        this.requests = requests;
        this.permissions = permissions;
    }

    @GetMapping("/requests/{id}/permissions")
    String permissions(@PathVariable RoleRequestId id, CurrentUser user, Model model) {
        RoleRequestView request = requests.get(id, user);
        model.addAttribute("requestId", id);
        model.addAttribute("summary", permissions.summarise(policies(request.spec())));
        return "request/permissions :: summary";
    }

    @GetMapping("/requests/{id}/changes")
    String changes(@PathVariable RoleRequestId id, CurrentUser user, Model model) {
        RoleRequestView request = requests.get(id, user);
        RolePolicies current = policies(request.spec());
        Optional<RoleSpec> previous =
                request.revision() > 1 ? requests.revisionSpec(id, request.revision() - 1, user) : Optional.empty();
        RolePolicies base = previous.map(RolePermissionsController::policies)
                .orElseGet(() -> new RolePolicies(request.spec().accountId(), List.of(), List.of(), null));
        AccessDiff diff = permissions.diff(base, current);
        model.addAttribute("requestId", id);
        model.addAttribute("revision", request.revision());
        model.addAttribute("firstRevision", previous.isEmpty());
        model.addAttribute("diff", diff);
        model.addAttribute("shownAdded", firstOf(diff.newlyAllowed()));
        model.addAttribute("shownRemoved", firstOf(diff.noLongerAllowed()));
        model.addAttribute("changesShown", CHANGES_SHOWN);
        return "request/permissions :: changes";
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

    private static List<AccessChange> firstOf(List<AccessChange> changes) {
        return changes.subList(0, Math.min(changes.size(), CHANGES_SHOWN));
    }
}
