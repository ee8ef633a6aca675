package dev.rolecall.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a sign-in attempt carries besides the name and password: the client address (as the
 * forwarded-headers setup reports it) and whether it came through the form or the API.
 */
class SignInDetails extends WebAuthenticationDetails {

    static final String FORM = "form";
    static final String API = "api";

    /** Sign-in through the organisation's OpenID Connect provider. */
    static final String SSO = "sso";

    private final String channel;

    SignInDetails(HttpServletRequest request, String channel) {
        super(request);
        this.channel = channel;
    }

    String channel() {
        return channel;
    }

    /** Builds the details for one channel. */
    static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> source(String channel) {
        return request -> new SignInDetails(request, channel);
    }
}
