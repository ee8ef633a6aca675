package dev.rolecall.audit.web;

import dev.rolecall.audit.AuditService;
import dev.rolecall.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Verify the chain now" on the audit page: walks the whole chain, records the outcome, and shows
 * the page again with it at the top.
 */
@Controller
class AuditVerificationController {

    private final AuditService audit;

    AuditVerificationController(AuditService audit) {
        this.audit = audit;
    }

    @PostMapping("/audit/verification")
    String verify(CurrentUser user) {
        if (!user.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the audit trail");
        }
        audit.verify(null, null, "ui", user);
        return "redirect:/audit#integrity";
    }

    /** The signed checkpoints, the companion download of the events CSV. */
    @GetMapping("/audit/checkpoints.csv")
    void checkpoints(CurrentUser user, HttpServletResponse response) throws IOException {
        if (!user.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the audit trail");
        }
        CheckpointDownload.send(audit, "ui", user, response);
    }
}
