package dev.rolecall.identity;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without checking the password: too many failures for the name or from the
 * address. Says only when to try again, so the answer is the same for names that exist and
 * names that do not.
 */
class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;
    private final Instant retryAt;

    SignInThrottledException(Duration retryAfter, Instant now) {
        super("too many failed sign-ins");
        this.retryAfter = retryAfter;
        this.retryAt = now.plus(retryAfter);
    }

    /** How long the client should wait, in whole seconds. */
    Duration retryAfter() {
        return retryAfter;
    }

    Instant retryAt() {
        return retryAt;
    }

    /** Whole minutes until {@code retryAt}, rounded up, at least one: for the words on a page. */
    static long minutesUntil(Instant retryAt, Instant now) {
        long seconds = Math.max(0, Duration.between(now, retryAt).toSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }
}
