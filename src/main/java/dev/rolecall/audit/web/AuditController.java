package dev.rolecall.audit.web;

import dev.rolecall.audit.AuditFilter;
import dev.rolecall.audit.AuditService;
import dev.rolecall.audit.approvals.ApprovalReports;
import dev.rolecall.audit.approvals.StageTimes;
import dev.rolecall.audit.chain.RecordedVerification;
import dev.rolecall.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit page and its CSV download, for auditors and admins. Filters are GET parameters, so a
 * bookmark, the page and the file always show the same events.
 */
@Controller
class AuditController {

    static final String PAGE = "/audit";
    static final String CSV = "/audit/export.csv";
    static final String APPROVALS_CSV = "/audit/approvals.csv";

    /** The most decisions the time-to-decide table is taken from, as its caption writes it. */
    private static final String STAGE_TIMES_LIMIT = String.format("%,d", StageTimes.DECISIONS_LIMIT);

    private final AuditService audit;
    private final ApprovalReports approvals;
    private final Clock clock;

    AuditController(AuditService audit, ApprovalReports approvals, Clock clock) {
        this.audit = audit;
        this.approvals = approvals;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String events(AuditQuery query, CurrentUser user, Model model) {
        requireReader(user);
        AuditFilter filter = query.filter();
        AuditService.EventPage events =
                audit.find(filter, query.olderThan(), query.newerThan(), query.pageSize(), user);
        filters(model.asMap(), query, Map.of());
        model.addAttribute("rows", events.events().stream().map(AuditRow::of).toList());
        model.addAttribute("total", events.count());
        model.addAttribute("totalText", events.countText());
        model.addAttribute("paged", query.isPaged());
        model.addAttribute("pager", AuditPager.of(query, PAGE, events.newer(), events.older()));
        RecordedVerification verification = audit.lastVerification(user);
        model.addAttribute("verification", verification);
        model.addAttribute(
                "verificationTime",
                verification == null
                        ? ""
                        : AuditFilter.formatTime(verification.result().checkedAt()));
        model.addAttribute("stageTimes", approvals.timesPerStage(filter, user));
        model.addAttribute("stageTimesLimit", STAGE_TIMES_LIMIT);
        model.addAttribute("approvalsCsvLink", query.exportLink(APPROVALS_CSV));
        return "audit/events";
    }

    /** The approvals report of the same filters: each decision, its revision's filing and the time between. */
    @GetMapping(APPROVALS_CSV)
    void exportApprovals(AuditQuery query, CurrentUser user, HttpServletResponse response) throws IOException {
        requireReader(user);
        ApprovalsCsvResponse.send(approvals.startExport(query.filter(), "ui", user), response);
    }

    @GetMapping(CSV)
    void export(AuditQuery query, CurrentUser user, HttpServletResponse response) throws IOException {
        requireReader(user);
        AuditCsvResponse.send(audit.startExport(query.filter(), "ui", user), response);
    }

    /** Unreadable filters: the page again, with a message at each field and no events. */
    @ExceptionHandler(InvalidAuditQueryException.class)
    ModelAndView invalid(InvalidAuditQueryException e) {
        ModelAndView page = new ModelAndView("audit/events", HttpStatus.BAD_REQUEST);
        Map<String, String> problems = new LinkedHashMap<>();
        e.problems().forEach(problem -> problems.putIfAbsent(problem.field(), problem.messageKey()));
        filters(page.getModelMap(), e.query(), problems);
        page.addObject("rows", List.of());
        page.addObject("total", 0L);
        page.addObject("totalText", "0");
        page.addObject("paged", false);
        page.addObject("stageTimes", List.of());
        return page;
    }

    private void filters(Map<String, Object> model, AuditQuery query, Map<String, String> problems) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        model.put("query", query.form());
        model.put("problems", problems);
        model.put("filtered", query.hasFilters());
        model.put("csvLink", query.exportLink(CSV));
        model.put(
                "presets",
                List.of(
                        new AuditPreset(
                                "audit.filter.last24h",
                                query.withRange(now.minus(Duration.ofHours(24)), null)
                                        .link(PAGE)),
                        new AuditPreset(
                                "audit.filter.last7d",
                                query.withRange(now.minus(Duration.ofDays(7)), null)
                                        .link(PAGE)),
                        new AuditPreset(
                                "audit.filter.last30d",
                                query.withRange(now.minus(Duration.ofDays(30)), null)
                                        .link(PAGE))));
    }

    private static void requireReader(CurrentUser user) {
        if (!user.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the audit trail");
        }
    }
}
