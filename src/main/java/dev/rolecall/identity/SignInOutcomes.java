package dev.rolecall.identity;

import dev.rolecall.identity.activity.SignInRefused;
import dev.rolecall.identity.activity.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * Where the browser goes after a sign-in, and what the audit trail hears of it: a success is a
 * {@link SignedIn}; a sign-in through the provider that ends without a session is a
 * {@link SignInRefused}. (Wrong passwords and throttled attempts are reported by
 * {@link ThrottledAuthenticationProvider}.)
 */
@Component
class SignInOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SignInOutcomes.class);

    /** The page that tells a refused person to ask their administrator. */
    static final String REFUSED_PAGE = "/login/refused";

    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInOutcomes(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records the sign-in, then goes back to the page that asked for it, or home. */
    AuthenticationSuccessHandler succeeded(String channel, RequestCache requestCache) {
        AuthenticationSuccessHandler redirect = new RelativeRedirectSuccessHandler(requestCache);
        return (request, response, authentication) -> {
            events.publishEvent(signedIn(request, authentication, channel));
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private SignedIn signedIn(HttpServletRequest request, Authentication authentication, String channel) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(authority -> String.valueOf(authority.getAuthority()))
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        List<String> groups = authentication.getPrincipal() instanceof SsoUser user ? user.groups() : List.of();
        return new SignedIn(clock.instant(), authentication.getName(), request.getRemoteAddr(), channel, roles, groups);
    }

    /**
     * A refused person goes to the page that says why and whom to ask; any other failure of the
     * provider's flow back to the sign-in page, which says it did not work.
     */
    AuthenticationFailureHandler ssoFailed() {
        DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();
        return (request, response, failure) -> {
            events.publishEvent(refused(request, failure));
            String target = failure instanceof SsoSignInRefusedException refused
                    ? REFUSED_PAGE + "?reason=" + refused.reason().replace('_', '-')
                    : "/login?ssoFailed";
            redirects.sendRedirect(request, response, target);
        };
    }

    private SignInRefused refused(HttpServletRequest request, AuthenticationException failure) {
        if (failure instanceof SsoSignInRefusedException refused) {
            return new SignInRefused(
                    clock.instant(), refused.username(), request.getRemoteAddr(), refused.reason(), refused.groups());
        }
        log.warn("sign-in through the provider failed", failure);
        String reason = failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : failure.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return new SignInRefused(clock.instant(), null, request.getRemoteAddr(), reason, List.of());
    }
}
