package dev.rolecall.audit;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every admin view of other people's data, before the data is read: an admin opening a
 * request someone else filed (its page, any of its sub-pages and fragments, or
 * {@code GET /api/v1/role-requests/{id}}), listing requests ({@code /requests},
 * {@code GET /api/v1/role-requests}), or opening the people page. In a browser session the same
 * view is recorded once per {@link #REPEAT_AFTER}, so a page's own refreshes do not flood the trail;
 * API calls carry no session and are recorded every time. If the event cannot be written, the
 * view fails.
 */
class AdminViews implements HandlerInterceptor {

    /** {@code ADMIN_VIEWED_REQUEST}: an admin read a request filed by someone else. */
    static final String VIEWED_REQUEST = "admin.viewed_request";

    /** {@code ADMIN_LISTED_REQUESTS}: an admin listed everyone's requests. */
    static final String LISTED_REQUESTS = "admin.listed_requests";

    /** {@code ADMIN_VIEWED_PEOPLE}: an admin opened the people page. */
    static final String VIEWED_PEOPLE = "admin.viewed_people";

    /** A view repeated within this time in the same session is covered by the first one's event. */
    static final Duration REPEAT_AFTER = Duration.ofMinutes(10);

    private static final String SEEN = AdminViews.class.getName() + ".seen";
    private static final Set<String> REQUEST_PAGES = Set.of("/requests/{id}", "/api/v1/role-requests/{id}");
    private static final Set<String> LISTS = Set.of("/requests", "/api/v1/role-requests");
    private static final String PEOPLE = "/admin/people";

    /** The paths whose views are recorded: the interceptor runs on these only. */
    static final String[] WATCHED = {
        "/requests", "/requests/**", "/api/v1/role-requests", "/api/v1/role-requests/**", PEOPLE
    };

    private final AuditService audit;
    private final RoleRequestService requests;
    private final Clock clock;

    AdminViews(AuditService audit, RoleRequestService requests, Clock clock) {
        this.audit = audit;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!"GET".equals(request.getMethod()) || !(matched instanceof String pattern)) {
            return true;
        }
        // Read only now: the signed-in person comes from the session, a database read.
        Authentication admin = SecurityContextHolder.getContext().getAuthentication();
        if (admin == null || !isAdmin(admin)) {
            return true;
        }
        if (pattern.equals(PEOPLE)) {
            once(request, PEOPLE, () -> record(admin, VIEWED_PEOPLE, Map.of("path", PEOPLE)));
        } else if (LISTS.contains(pattern)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("path", request.getRequestURI());
            details.put("query", Optional.ofNullable(request.getQueryString()).orElse(""));
            once(request, "list?" + details.get("query"), () -> record(admin, LISTED_REQUESTS, details));
        } else if (requestPage(pattern)) {
            String id = pathVariable(request, "id");
            if (id != null) {
                once(request, "request:" + id, () -> viewedRequest(admin, id, request.getRequestURI()));
            }
        }
        return true;
    }

    private static boolean requestPage(String pattern) {
        return REQUEST_PAGES.stream().anyMatch(page -> pattern.equals(page) || pattern.startsWith(page + "/"));
    }

    /** Records the view of a request filed by someone else; unknown ids are left to the controller's 404. */
    private void viewedRequest(Authentication admin, String id, String path) {
        RoleRequestView view;
        try {
            view = requests.get(RoleRequestId.parse(id), asAdmin(admin));
        } catch (RuntimeException unknown) {
            return;
        }
        if (view.requester().equals(admin.getName())) {
            return;
        }
        audit.record(new AuditEntry(
                clock.instant(),
                admin.getName(),
                VIEWED_REQUEST,
                view.id().value(),
                view.spec().accountId(),
                view.spec().roleName(),
                Map.of("requester", view.requester(), "path", path)));
    }

    private void record(Authentication admin, String action, Map<String, ?> details) {
        audit.record(new AuditEntry(clock.instant(), admin.getName(), action, null, null, null, details));
    }

    /** Runs {@code view} unless this session ran it for {@code key} within {@link #REPEAT_AFTER}. */
    private void once(HttpServletRequest request, String key, Runnable view) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            view.run();
            return;
        }
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        Map<String, Instant> seen = (Map<String, Instant>) session.getAttribute(SEEN);
        Instant last = seen == null ? null : seen.get(key);
        if (last != null && last.plus(REPEAT_AFTER).isAfter(now)) {
            return;
        }
        view.run();
        Map<String, Instant> updated = seen == null ? new ConcurrentHashMap<>() : new ConcurrentHashMap<>(seen);
        updated.values().removeIf(at -> at.plus(REPEAT_AFTER).isBefore(now));
        updated.put(key, now);
        // Set again, so the session store writes the change.
        session.setAttribute(SEEN, updated);
    }

    private static @Nullable String pathVariable(HttpServletRequest request, String name) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get(name) instanceof String value ? value : null;
    }

    private static boolean isAdmin(Authentication authentication) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (Role.ADMIN.authority().equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** The admin as a reader who may read every request. */
    private static CurrentUser asAdmin(Authentication admin) {
        return new CurrentUser(admin.getName(), null, Set.of(Role.REQUESTER, Role.ADMIN));
    }
}
