package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/role-requests/{id}/emergency-review}: closes an emergency's review after the
 * fact, as the request page's Confirm and Revoke do. 403 for the filer, non-reviewers and reviewers
 * the review stage does not admit; 409 when the request was not filed as an emergency or its review
 * is closed; 400 on the {@code comment} field for a revocation without one. Revoking answers with the
 * emergency; the request that undoes it is filed next, like any other.
 */
@RestController
class EmergencyReviewApiController {

    private final RoleRequestService requests;

    EmergencyReviewApiController(RoleRequestService requests) {
        this.requests = requests;
    }

    @PostMapping(
            path = "/api/v1/role-requests/{id}/emergency-review",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RoleRequestResource review(
            @PathVariable RoleRequestId id, @Valid @RequestBody EmergencyReviewForm review, CurrentUser reviewer) {
        boolean confirm = review.decision() == EmergencyReviewForm.Decision.CONFIRM;
        return RoleRequestResource.of(requests.reviewEmergency(id, confirm, review.comment(), reviewer));
    }
}
