package dev.rolecall.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Puts the {@link SignInThrottle} in front of the password check, for the form and HTTP Basic
 * alike. A throttled attempt is refused before its password is looked at; a wrong password or an
 * unknown name is a {@link SignInFailed}, a refusal a {@link SignInThrottled}. Unknown names go
 * through the same steps as known ones (Spring's provider checks the password against a dummy
 * hash), so neither the answer nor the work reveals which names exist.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThrottledAuthenticationProvider(
            AuthenticationProvider passwords, SignInThrottle throttle, ApplicationEventPublisher events, Clock clock) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = "unknown";
        String channel = SignInDetails.API;
        if (attempt.getDetails() instanceof SignInDetails details) {
            address = details.getRemoteAddress() == null ? address : details.getRemoteAddress();
            channel = details.channel();
        }
        Optional<SignInThrottle.Refusal> refusal = tryAttempt(username, address);
        if (refusal.isPresent()) {
            throw refused(refusal.get(), username, address, channel);
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            events.publishEvent(new SignInFailed(clock.instant(), username, address, channel));
            throw e;
        } catch (RuntimeException e) {
            throttle.abandoned(username, address);
            throw e;
        }
    }

    private Optional<SignInThrottle.Refusal> tryAttempt(String username, String address) {
        try {
            return throttle.tryAttempt(username, address);
        } catch (RuntimeException e) {
            // Without the throttle's store no sign-in is checked: refuse rather than allow unlimited tries.
            log.error("sign-in throttle unavailable; refusing the sign-in", e);
            throw new InternalAuthenticationServiceException("sign-in throttle unavailable", e);
        }
    }

    private AuthenticationException refused(
            SignInThrottle.Refusal refusal, String username, String address, String channel) {
        SignInThrottledException refused = new SignInThrottledException(refusal.retryAfter(), clock.instant());
        if (throttle.worthRecording(refusal, username, address)) {
            events.publishEvent(new SignInThrottled(
                    clock.instant(),
                    username,
                    address,
                    channel,
                    refusal.limit().name().toLowerCase(Locale.ROOT),
                    refusal.retryAfter().toSeconds()));
        }
        return refused;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
