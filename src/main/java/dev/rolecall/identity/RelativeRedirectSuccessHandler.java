package dev.rolecall.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After sign-in, back to the page that asked for it, or home. The saved request remembers a full
 * URL built from the request's {@code Host} header; only its path and query are used, so the
 * redirect never names a host a client chose.
 */
final class RelativeRedirectSuccessHandler implements AuthenticationSuccessHandler {

    private final RequestCache requestCache;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    RelativeRedirectSuccessHandler(RequestCache requestCache) {
        this.requestCache = requestCache;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        // Sign-in replaced the CSRF token; make the new one now, once, rather than in each of the
        // first pages opened at the same moment (each would store its own, and all but one would fail).
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            csrf.getToken();
        }
        redirects.sendRedirect(request, response, saved == null ? "/" : pathOf(saved.getRedirectUrl()));
    }

    /** The path and query of {@code url}; {@code /} for anything that is not a plain local path. */
    static String pathOf(@Nullable String url) {
        try {
            URI uri = URI.create(url == null ? "/" : url);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
