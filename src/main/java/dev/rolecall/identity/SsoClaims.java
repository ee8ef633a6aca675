package dev.rolecall.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What Rolecall reads from a person's OpenID Connect claims: their name, team and groups, and the
 * roles those groups grant under {@code rolecall.identity.sso.roles}.
 *
 * @param username the name Rolecall knows them by, or {@code null} when the claim is missing
 * @param team their team, or {@code null}
 * @param groups their groups, in the provider's order
 * @param roles the roles their groups grant; empty when no group maps to a role
 */
record SsoClaims(@Nullable String username, @Nullable String team, List<String> groups, Set<Role> roles) {

    SsoClaims {
        groups = List.copyOf(groups);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Reads the claims as the configuration says; a group claim may be a list or a single string. */
    static SsoClaims read(Map<String, Object> claims, SignInMethods.Sso sso) {
        List<String> groups = strings(claims.get(sso.groupsClaim()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        sso.roles().forEach((role, granting) -> {
            if (granting.stream().anyMatch(groups::contains)) {
                roles.add(role);
            }
        });
        return new SsoClaims(text(claims.get(sso.usernameClaim())), text(claims.get(sso.teamClaim())), groups, roles);
    }

    private static List<String> strings(@Nullable Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            for (Object value : many) {
                String one = text(value);
                if (one != null) {
                    values.add(one);
                }
            }
        } else {
            String one = text(claim);
            if (one != null) {
                values.add(one);
            }
        }
        return values;
    }

    private static @Nullable String text(@Nullable Object claim) {
        if (claim == null) {
            return null;
        }
        String value = claim.toString().strip();
        return value.isEmpty() ? null : value;
    }
}
