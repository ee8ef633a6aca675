package dev.rolecall.token;

import dev.rolecall.identity.Role;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A call made with an API token: before checking, the presented secret and the client's address;
 * after, the owner's name as principal, with the owner's roles as they are now and, of the token's
 * scopes, those the owner's roles can use now as authorities ({@code SCOPE_…}). Each endpoint needs
 * a scope and its usual role, so a token never does more than its owner could.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String principal;
    private final @Nullable String secret;
    private final String address;
    private final @Nullable String prefix;

    private ApiTokenAuthentication(
            String principal,
            @Nullable String secret,
            String address,
            @Nullable String prefix,
            List<GrantedAuthority> authorities,
            boolean authenticated) {
        super(authorities);
        this.principal = principal;
        this.secret = secret;
        this.address = address;
        this.prefix = prefix;
        super.setAuthenticated(authenticated);
    }

    static ApiTokenAuthentication presented(String secret, String address) {
        return new ApiTokenAuthentication("token", secret, address, null, List.of(), false);
    }

    static ApiTokenAuthentication of(ApiTokenService.Authenticated checked, String address) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : checked.owner().roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        for (TokenScope scope : checked.token().scopes()) {
            if (ApiTokenService.mayHold(checked.owner(), scope)) {
                authorities.add(new SimpleGrantedAuthority(scope.authority()));
            }
        }
        return new ApiTokenAuthentication(
                checked.owner().username(), null, address, checked.token().prefix(), authorities, true);
    }

    @Override
    public @Nullable Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    String address() {
        return address;
    }

    /** The token's prefix once checked, for logs; never the secret. */
    @Nullable
    String prefix() {
        return prefix;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only a checked token is authenticated");
        }
        super.setAuthenticated(false);
    }
}
