package dev.rolecall.approval;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The decision panel on a request's page. The server decides who may decide, whatever the page showed. */
@Controller
class DecisionController {

    private final RoleRequestService requests;

    DecisionController(RoleRequestService requests) {
        this.requests = requests;
    }

    @PostMapping("/requests/{id}/decisions")
    String decide(
            @PathVariable RoleRequestId id,
            @Valid @ModelAttribute DecisionForm form,
            BindingResult binding,
            CurrentUser reviewer,
            RedirectAttributes redirect)
            throws BindException {
        if (binding.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            // A value the form never offers (decision=MAYBE, version=x): a 400 that names the field.
            throw new BindException(binding);
        }
        if (binding.hasErrors() || form.needsComment() || form.decision() == null) {
            redirect.addFlashAttribute(
                    "decisionError",
                    binding.hasErrors() && binding.getFieldError() != null
                            ? binding.getFieldError().getDefaultMessage()
                            : "Add a comment that tells the requester what to change or why it is rejected.");
            return "redirect:/requests/" + id + "#review";
        }
        requests.decide(id, form.version(), form.decision(), form.comment(), reviewer);
        redirect.addFlashAttribute(
                "flash",
                switch (form.decision()) {
                    case APPROVE -> "Approved. Rolecall applies the role now.";
                    case REJECT -> "Rejected. The requester sees your comment.";
                    case REQUEST_CHANGES -> "Changes requested. The requester sees your comment.";
                });
        return "redirect:/requests/" + id;
    }
}
