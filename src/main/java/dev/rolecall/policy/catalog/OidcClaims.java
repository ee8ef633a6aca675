package dev.rolecall.policy.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Condition keys that every OIDC identity provider has, whatever its URL: the standard claims
 * IAM maps from the web identity token, e.g. {@code oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub}.
 */
final class OidcClaims {

    private static final Set<String> SINGLE_VALUED = Set.of("aud", "sub", "azp", "oaud", "iss", "email");
    private static final Set<String> MULTI_VALUED = Set.of("amr");

    private OidcClaims() {}

    static Optional<ConditionKey> key(String provider, String claim) {
        // Service prefixes never contain a dot; provider URLs always do.
        if (!provider.contains(".")) {
            return Optional.empty();
        }
        String lower = claim.toLowerCase(Locale.ROOT);
        if (SINGLE_VALUED.contains(lower) || MULTI_VALUED.contains(lower)) {
            return Optional.of(
                    new ConditionKey(provider + ":" + lower, ConditionValueType.STRING, MULTI_VALUED.contains(lower)));
        }
        return Optional.empty();
    }
}
