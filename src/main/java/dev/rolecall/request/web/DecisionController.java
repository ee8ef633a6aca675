package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.problems.CommentRequiredException;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision panel on a request's page, and the comment box of the requester. The server decides
 * who may decide or comment, whatever the page showed. A value the form never offers is a 400 that
 * names the field; a decision that cannot be recorded as posted goes back to the panel with an
 * error under the field to fix, and with the chosen verb and the typed comment kept.
 */
@Controller
class DecisionController {

    private final RoleRequestService requests;
    private final MessageSource messages;

    DecisionController(RoleRequestService requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @PostMapping("/requests/{id}/decisions")
    String decide(
            @PathVariable RoleRequestId id,
            @Valid @ModelAttribute DecisionForm form,
            BindingResult binding,
            @RequestParam(name = "comment", required = false) @Nullable String typed,
            CurrentUser reviewer,
            Locale locale,
            RedirectAttributes redirect)
            throws BindException {
        if (binding.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            // A value the form never offers (decision=MAYBE, version=x): a 400 that names the field.
            throw new BindException(binding);
        }
        DecisionType decision = form.decision();
        if (binding.hasErrors() || decision == null) {
            return back(id, form, typed, panelErrors(binding, decision, locale), redirect);
        }
        try {
            requests.decide(id, form.version(), decision, form.comment(), reviewer);
        } catch (CommentRequiredException e) {
            String text = messages.getMessage("comment.required." + e.reason().name(), new Object[] {e.risk()}, locale);
            return back(id, form, typed, Map.of(CommentRequiredException.FIELD, text), redirect);
        }
        redirect.addFlashAttribute("flash", recorded(decision));
        return "redirect:/requests/" + id;
    }

    /** The panel's errors, one per field, for a form that bound but does not hold a valid decision. */
    private Map<String, String> panelErrors(BindingResult binding, @Nullable DecisionType decision, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(panelField(error.getField()), message(panelKey(error.getField()), locale));
        }
        if (decision == null) {
            errors.putIfAbsent("decision", message("decision.invalid.decision", locale));
        }
        return errors;
    }

    private static String recorded(DecisionType decision) {
        return switch (decision) {
            case APPROVE ->
                "Approved. Rolecall applies the role now; for a plan-only account it records the IAM calls and sends nothing to AWS.";
            case REJECT -> "Rejected. The requester sees your comment.";
            case REQUEST_CHANGES -> "Changes requested. The requester sees your comment.";
            case COMMENT -> "Comment added. The request's status has not changed.";
        };
    }

    /**
     * Back to the panel: nothing was recorded; the errors, the chosen verb and the comment as typed go
     * with it (the raw parameter, since a form that failed to bind may hold no comment).
     */
    private static String back(
            RoleRequestId id,
            DecisionForm form,
            @Nullable String typed,
            Map<String, String> errors,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("decisionErrors", new LinkedHashMap<>(errors));
        if (form.decision() != null) {
            redirect.addFlashAttribute("decisionChosen", form.decision().name());
        }
        if (typed != null && !typed.isEmpty()) {
            redirect.addFlashAttribute("decisionComment", typed);
        }
        return "redirect:/requests/" + id + "#review";
    }

    /** Errors on the decision and the comment show under them; anything else (a tampered version) above. */
    private static String panelField(String field) {
        return field.equals("decision") || field.equals("comment") ? field : "form";
    }

    private static String panelKey(String field) {
        return "decision.invalid." + panelField(field);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
