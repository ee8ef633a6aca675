package dev.rolecall.identity;

import dev.rolecall.identity.activity.IdentityConfigured;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start, tells the audit trail which identity configuration this console runs with
 * ({@link IdentityConfigured}): a SHA-256 digest over a canonical JSON form of who may sign in and
 * how, and a summary without secrets. Password hashes are part of the digest, so a changed password
 * changes it; the provider's client secret is not (a digest of it could be tested offline), only
 * whether one is set.
 */
@Component
class IdentityConfigurationDigest {

    private final IdentityProperties identity;
    private final SignInMethods methods;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    IdentityConfigurationDigest(
            IdentityProperties identity, SignInMethods methods, ApplicationEventPublisher events, Clock clock) {
        this.identity = identity;
        this.methods = methods;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        events.publishEvent(new IdentityConfigured(clock.instant(), digest(), summary()));
    }

    /** SHA-256, in hex, of the canonical form: the summary plus every local user's password hash. */
    String digest() {
        Map<String, Object> canonical = new TreeMap<>(summary());
        Map<String, String> hashes = new TreeMap<>();
        identity.users().forEach(user -> hashes.put(user.username(), user.passwordHash()));
        canonical.put("passwordHashes", hashes);
        try {
            byte[] bytes = json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What a reader of the trail sees: local users and their roles, the provider and its mapping. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new TreeMap<>();
        summary.put("localSignIn", methods.localSignIn());
        Map<String, Object> users = new TreeMap<>();
        identity.users()
                .forEach(user -> users.put(
                        user.username(),
                        Map.of(
                                "roles",
                                user.roles().stream().map(Role::name).sorted().toList(),
                                "team",
                                user.team() == null ? "" : user.team())));
        summary.put("localUsers", users);
        IdentityProperties.SignIn throttle = identity.signIn();
        summary.put(
                "signInThrottle",
                Map.of(
                        "failuresPerName", throttle.failuresPerName(),
                        "failuresPerAddress", throttle.failuresPerAddress(),
                        "window", throttle.window().toString(),
                        "backOffSteps", throttle.backOffSteps()));
        summary.put("sso", sso(methods.sso()));
        return summary;
    }

    private static Map<String, Object> sso(SignInMethods.Sso sso) {
        Map<String, Object> summary = new TreeMap<>();
        summary.put("enabled", sso.enabled());
        summary.put("name", sso.name());
        summary.put("issuerUri", String.valueOf(sso.issuerUri()));
        summary.put("clientId", String.valueOf(sso.clientId()));
        summary.put(
                "clientSecretSet",
                sso.clientSecret() != null && !sso.clientSecret().isBlank());
        summary.put("scopes", sso.scopes().stream().sorted().toList());
        summary.put(
                "claims",
                Map.of("username", sso.usernameClaim(), "groups", sso.groupsClaim(), "team", sso.teamClaim()));
        Map<String, List<String>> roles = new TreeMap<>();
        sso.roles()
                .forEach((role, groups) ->
                        roles.put(role.name(), groups.stream().sorted().toList()));
        summary.put("roles", roles);
        return summary;
    }
}
