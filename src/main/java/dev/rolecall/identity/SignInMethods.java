package dev.rolecall.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How people sign in: with the local users of {@code rolecall.identity.users}, with the
 * organisation's OpenID Connect provider, or both. At least one must be on.
 *
 * @param localSignIn whether local users may sign in (form and HTTP Basic); on by default, for small
 *     installations and break-glass admins
 * @param sso single sign-on with an OpenID Connect provider; off by default
 */
@ConfigurationProperties("rolecall.identity")
@Validated
record SignInMethods(
        @DefaultValue("true") boolean localSignIn,
        @DefaultValue @Valid Sso sso) {

    /** Refuses a configuration in which nobody could sign in. */
    @AssertTrue(
            message = "turn on rolecall.identity.local-sign-in or rolecall.identity.sso.enabled: nobody could sign in")
    boolean isSomeoneCanSignIn() {
        return localSignIn || sso.enabled();
    }

    /**
     * Sign-in with an OpenID Connect provider found by its issuer URL (Okta, Entra ID, Google,
     * Keycloak…). Who may do what follows the person's groups: {@code roles} maps each Rolecall role
     * to the provider's groups that grant it; a person in none of them is refused.
     *
     * @param enabled whether the sign-in page offers the provider
     * @param name the provider's name as people know it, shown as "Sign in with {name}"
     * @param issuerUri the issuer URL; its {@code /.well-known/openid-configuration} is read at start
     * @param clientId the client id Rolecall is registered with at the provider
     * @param clientSecret the client secret (give it through the environment, never in a file)
     * @param scopes the scopes asked for; {@code openid} is always among them
     * @param usernameClaim the claim that names the person in Rolecall and its audit trail
     * @param groupsClaim the claim that lists the person's groups
     * @param teamClaim the claim that names the person's team, if any
     * @param roles for each role, the groups that grant it
     */
    record Sso(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("your organisation") @NotBlank String name,
            @Nullable URI issuerUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @DefaultValue({"openid", "profile", "email"}) Set<String> scopes,
            @DefaultValue("preferred_username") @NotBlank String usernameClaim,
            @DefaultValue("groups") @NotBlank String groupsClaim,
            @DefaultValue("team") @NotBlank String teamClaim,
            @DefaultValue Map<Role, List<String>> roles) {

        /** The registration id in Rolecall's sign-in URLs: {@code /oauth2/authorization/sso}. */
        static final String REGISTRATION_ID = "sso";

        /** An enabled provider names its issuer, its client id and at least one group per some role. */
        @AssertTrue(message = "with sso.enabled, give issuer-uri, client-id and at least one group under roles")
        boolean isComplete() {
            return !enabled
                    || (issuerUri != null
                            && clientId != null
                            && !clientId.isBlank()
                            && roles.values().stream().anyMatch(groups -> !groups.isEmpty()));
        }
    }
}
