package dev.rolecall.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in through the OpenID Connect provider, with the team and groups read from their
 * claims. Kept in the session, which Spring Session stores in PostgreSQL by Java serialisation, so
 * every field is serialisable.
 */
final class SsoUser extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @Nullable String team;
    private final List<String> groups;

    SsoUser(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            @Nullable OidcUserInfo userInfo,
            String usernameClaim,
            @Nullable String team,
            List<String> groups) {
        super(authorities, idToken, userInfo, usernameClaim);
        this.team = team;
        this.groups = List.copyOf(groups);
    }

    @Nullable
    String team() {
        return team;
    }

    /** The person's groups as the provider listed them at sign-in. */
    List<String> groups() {
        return groups;
    }
}
