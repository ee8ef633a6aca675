package dev.rolecall.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Spares HTTP Basic callers a bcrypt check (tens of milliseconds of CPU) on every API call: a name
 * and password that passed the full check ({@code checked}: throttle, then bcrypt) within the last
 * {@link #TTL} are accepted again without it.
 *
 * <p>Safe because: the cache is keyed by HMAC-SHA-256 of the name and password under a random key
 * made at start and never stored, so it holds no password nor a hash that can be tested offline
 * without that key; only successes are kept, so a wrong password always takes the full path (the
 * throttle sees every guess); an entry lives {@link #TTL} at most, so a password removed from the
 * configuration stops working within that time of a restart-free change; and at most
 * {@link #MAX_ENTRIES} are kept. Form sign-ins are not cached: they happen once per session.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    private record Verified(Authentication authentication, Instant until) {}

    private final AuthenticationProvider checked;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedCredentials(AuthenticationProvider checked, Clock clock) {
        this.checked = checked;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public @Nullable Authentication authenticate(Authentication attempt) {
        if (!(attempt.getDetails() instanceof SignInDetails details)
                || !SignInDetails.API.equals(details.channel())
                || !(attempt.getCredentials() instanceof String password)) {
            return checked.authenticate(attempt);
        }
        String id = fingerprint(attempt.getName(), password);
        Instant now = clock.instant();
        Verified known = verified.get(id);
        if (known != null && now.isBefore(known.until())) {
            Authentication previous = known.authentication();
            UsernamePasswordAuthenticationToken again = UsernamePasswordAuthenticationToken.authenticated(
                    Objects.requireNonNull(previous.getPrincipal(), "a verified sign-in names its person"),
                    null,
                    previous.getAuthorities());
            again.setDetails(details);
            return again;
        }
        Authentication result = checked.authenticate(attempt);
        if (result == null) {
            return null;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(id, new Verified(result, now.plus(TTL)));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return checked.supports(authentication);
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
