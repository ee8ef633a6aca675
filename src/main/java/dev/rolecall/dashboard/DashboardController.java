package dev.rolecall.dashboard;

import dev.rolecall.identity.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard, the home page of reviewers, auditors and admins: each figure links to the list it
 * counts. Requesters see only their own requests, so the figures of everyone's are not theirs to read.
 */
@Controller
class DashboardController {

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    String dashboard(CurrentUser reader, Model model) {
        if (!reader.canReadAllRequests()) {
            throw new AccessDeniedException("the dashboard is for reviewers, auditors and admins");
        }
        model.addAttribute("figures", dashboard.figures());
        model.addAttribute("waitingOnMe", dashboard.waitingOn(reader));
        model.addAttribute("readsAudit", reader.canReadAudit());
        return "dashboard/dashboard";
    }
}
