package dev.rolecall.request.web;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/role-requests/{id}/decisions}: 403 for the requester themselves and for
 * non-reviewers, 409 when the request is not awaiting a decision or someone else decided first,
 * 400 on the {@code comment} field when the decision needs a comment and has none. A
 * {@code COMMENT} decides nothing and is open to the requester too, while the request is in review or
 * waits for a revision.
 */
@RestController
class DecisionApiController {

    private final RoleRequestService requests;

    DecisionApiController(RoleRequestService requests) {
        this.requests = requests;
    }

    @PostMapping(
            path = "/api/v1/role-requests/{id}/decisions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RoleRequestResource decide(
            @PathVariable RoleRequestId id, @Valid @RequestBody DecisionForm decision, CurrentUser reviewer) {
        return RoleRequestResource.of(requests.decide(
                id, decision.version(), Objects.requireNonNull(decision.decision()), decision.comment(), reviewer));
    }
}
