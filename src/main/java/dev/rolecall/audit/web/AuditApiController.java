package dev.rolecall.audit.web;

import dev.rolecall.audit.AuditService;
import dev.rolecall.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail as CSV for automation: {@code GET /api/v1/audit-events.csv?from=…&to=…}, with
 * the same filters as the audit page ({@code actor}, {@code requestId}, {@code action}, {@code accountId},
 * {@code roleName}). Auditors and admins only.
 */
@RestController
class AuditApiController {

    private final AuditService audit;
    private final MessageSource messages;

    AuditApiController(AuditService audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/api/v1/audit-events.csv")
    void export(AuditQuery query, CurrentUser user, HttpServletResponse response) throws IOException {
        if (!user.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the audit trail");
        }
        AuditCsvResponse.send(audit.startExport(query.filter(), "api", user), response);
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ProblemDetail invalid(InvalidAuditQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Some filters could not be read; nothing was exported.");
        problem.setTitle("Validation failed");
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of(
                                "field",
                                p.field(),
                                "message",
                                messages.getMessage(p.messageKey(), null, Locale.ENGLISH)))
                        .toList());
        return problem;
    }
}
