package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.problems.CommentRequiredException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The review after the fact of an emergency request. Confirm closes it. Revoke closes it too, with
 * the reviewer's reason, and opens the form of the request that undoes the emergency: a delete
 * request for a role it created, a change request (starting from the live role) for a role it
 * changed. That request is routed and reviewed like any other; Rolecall's rollback job only undoes
 * an apply that failed, never one that succeeded and may already be in use. The review may close
 * while the emergency's apply job still runs: it is about the decision, not the apply.
 */
@Controller
class EmergencyReviewController {

    private final RoleRequestService requests;
    private final MessageSource messages;

    EmergencyReviewController(RoleRequestService requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @PostMapping("/requests/{id}/emergency-review")
    String review(
            @PathVariable RoleRequestId id,
            @RequestParam EmergencyReviewForm.Decision outcome,
            @RequestParam(required = false) @Nullable String comment,
            CurrentUser reviewer,
            RedirectAttributes redirect) {
        RoleRequestView reviewed;
        try {
            reviewed = requests.reviewEmergency(id, outcome == EmergencyReviewForm.Decision.CONFIRM, comment, reviewer);
        } catch (CommentRequiredException e) {
            redirect.addFlashAttribute("emergencyErrors", Map.of("comment", text("emergency.review.revoke.reason")));
            return "redirect:/requests/" + id + "#emergency-review";
        }
        if (outcome == EmergencyReviewForm.Decision.CONFIRM) {
            redirect.addFlashAttribute("flash", text("emergency.review.confirmed.flash"));
            return "redirect:/requests/" + id;
        }
        redirect.addFlashAttribute("flash", text("emergency.review.revoked.flash"));
        return "redirect:" + undo(reviewed);
    }

    /** The form of the request that undoes the emergency. */
    private static String undo(RoleRequestView emergency) {
        String kind = emergency.kind() == dev.rolecall.request.RequestKind.CHANGE ? "CHANGE" : "DELETE";
        return UriComponentsBuilder.fromPath("/requests/new")
                .queryParam("kind", kind)
                .queryParam("account", "{account}")
                .queryParam("role", "{role}")
                .encode()
                .buildAndExpand(emergency.spec().accountId(), emergency.spec().roleName())
                .toUriString();
    }

    private String text(String key) {
        return messages.getMessage(key, null, java.util.Locale.ENGLISH);
    }
}
