package dev.rolecall.web;

import dev.rolecall.identity.Role;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What the page layout shows of the signed-in person: their name and the sections their roles open.
 * Worked out once per page from the authentication, not once per link. The server authorises each
 * section again; this only decides which links to show.
 *
 * @param signedIn whether anyone is signed in; the rest is empty or false otherwise
 * @param dashboard reviewers, auditors and admins
 * @param inbox reviewers and admins
 * @param audit auditors and admins
 * @param admin admins: accounts, people, service accounts, routing
 */
public record Nav(boolean signedIn, String name, boolean dashboard, boolean inbox, boolean audit, boolean admin) {

    static final Nav SIGNED_OUT = new Nav(false, "", false, false, false, false);

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Signed out for no authentication and for the anonymous one of a page anyone may open. */
    static Nav of(@Nullable Authentication authentication) {
        if (authentication == null || TRUST.isAnonymous(authentication) || !authentication.isAuthenticated()) {
            return SIGNED_OUT;
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean admin = roles.contains(Role.ADMIN.authority());
        boolean reviewer = roles.contains(Role.REVIEWER.authority());
        boolean auditor = roles.contains(Role.AUDITOR.authority());
        return new Nav(
                true,
                authentication.getName(),
                reviewer || auditor || admin,
                reviewer || admin,
                auditor || admin,
                admin);
    }
}
