package dev.rolecall.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the person the provider vouched for into a Rolecall user: reads their name, team and
 * groups from the claims, maps the groups to roles, and records them as last seen. Refuses
 * ({@link SsoSignInRefusedException}) a person whose groups map to no role (recording that they
 * now have none, so their API tokens stop), whom an admin disabled, whose name claim is missing, or
 * whose name is a local user's, a service account's or another subject's.
 */
final class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(SsoUserService.class);

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final SignInMethods.Sso sso;
    private final UserDirectory localUsers;
    private final SsoPeople people;
    private final ServiceAccounts serviceAccounts;
    private final Clock clock;

    SsoUserService(
            OAuth2UserService<OidcUserRequest, OidcUser> provider,
            SignInMethods.Sso sso,
            UserDirectory localUsers,
            SsoPeople people,
            ServiceAccounts serviceAccounts,
            Clock clock) {
        this.provider = provider;
        this.sso = sso;
        this.localUsers = localUsers;
        this.people = people;
        this.serviceAccounts = serviceAccounts;
        this.clock = clock;
    }

    SsoUserService(
            SignInMethods.Sso sso,
            UserDirectory localUsers,
            SsoPeople people,
            ServiceAccounts serviceAccounts,
            Clock clock) {
        this(new OidcUserService(), sso, localUsers, people, serviceAccounts, clock);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser vouched = provider.loadUser(request);
        SsoClaims claims = SsoClaims.read(vouched.getClaims(), sso);
        String username = claims.username();
        if (username == null) {
            log.warn("sign-in refused: the provider sent no {} claim", sso.usernameClaim());
            throw new SsoSignInRefusedException(SsoSignInRefusedException.NO_USERNAME, null, claims.groups());
        }
        if (claims.roles().isEmpty()) {
            // Their tokens stop too: the person's roles as last seen are none.
            people.noLongerMapped(
                    username,
                    String.valueOf(vouched.getIssuer()),
                    vouched.getSubject(),
                    claims.groups(),
                    clock.instant());
            throw new SsoSignInRefusedException(SsoSignInRefusedException.NO_MAPPED_ROLE, username, claims.groups());
        }
        Set<Role> roles = EnumSet.of(Role.REQUESTER);
        roles.addAll(claims.roles());
        if (people.disabled(username)) {
            throw new SsoSignInRefusedException(SsoSignInRefusedException.DISABLED, username, claims.groups());
        }
        if (localUsers.find(username).isPresent()
                || serviceAccounts.find(username).isPresent()
                || !people.signedIn(person(vouched, username, claims, roles))) {
            log.warn("sign-in refused: the name {} belongs to a local user or to another subject", username);
            throw new SsoSignInRefusedException(SsoSignInRefusedException.NAME_TAKEN, username, claims.groups());
        }
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return new SsoUser(
                authorities,
                vouched.getIdToken(),
                vouched.getUserInfo(),
                sso.usernameClaim(),
                claims.team(),
                claims.groups());
    }

    private SsoPeople.Person person(OidcUser vouched, String username, SsoClaims claims, Set<Role> roles) {
        Instant now = clock.instant();
        return new SsoPeople.Person(
                username,
                String.valueOf(vouched.getIssuer()),
                vouched.getSubject(),
                vouched.getFullName(),
                vouched.getEmail(),
                claims.team(),
                roles.stream().map(Role::name).toList(),
                claims.groups(),
                now,
                now);
    }
}
