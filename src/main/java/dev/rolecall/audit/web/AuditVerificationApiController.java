package dev.rolecall.audit.web;

import dev.rolecall.audit.AuditService;
import dev.rolecall.audit.chain.ChainVerification;
import dev.rolecall.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit-events/verification[?fromEventId=…&toEventId=…]}: walks the hash chain
 * (or that range) and answers whether it verifies, how many events were checked and the first
 * that did not verify, with the reason. Auditors and admins only; each call is itself audited.
 */
@RestController
class AuditVerificationApiController {

    static final String PATH = "/api/v1/audit-events/verification";

    private final AuditService audit;

    AuditVerificationApiController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping(PATH)
    ChainVerification verify(
            @RequestParam(required = false) @Nullable String fromEventId,
            @RequestParam(required = false) @Nullable String toEventId,
            CurrentUser user) {
        if (!user.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the audit trail");
        }
        EventRange range = EventRange.parse(fromEventId, toEventId);
        return audit.verify(range.from(), range.to(), "api", user);
    }

    /** The signed checkpoints as CSV, the companion of {@code /api/v1/audit-events.csv}. */
    @GetMapping("/api/v1/audit-events/checkpoints.csv")
    void checkpoints(CurrentUser user, HttpServletResponse response) throws IOException {
        if (!user.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the audit trail");
        }
        CheckpointDownload.send(audit, "api", user, response);
    }

    @ExceptionHandler(EventRange.InvalidRangeException.class)
    ProblemDetail invalid(EventRange.InvalidRangeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The range could not be read; nothing was verified.");
        problem.setTitle("Validation failed");
        List<Map<String, String>> errors = new ArrayList<>();
        e.problems().forEach((field, message) -> errors.add(Map.of("field", field, "message", message)));
        problem.setProperty("errors", errors);
        return problem;
    }
}
