package dev.rolecall.audit;

import dev.rolecall.identity.SignInFailed;
import dev.rolecall.identity.SignInThrottled;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records failed and throttled sign-ins: the actor is the name as typed (it may belong to
 * nobody), with the client address and channel; a password never reaches the trail. Synchronous,
 * like {@link RequestActivityListener}: a sign-in whose audit row cannot be written fails.
 */
@Component
class SignInActivityListener {

    /** {@code SIGN_IN_FAILED}: a wrong password or an unknown name. */
    static final String FAILED = "sign_in.failed";

    /** {@code SIGN_IN_THROTTLED}: refused without checking the password. */
    static final String THROTTLED = "sign_in.throttled";

    /** The width of {@code audit_event.actor}. */
    static final int ACTOR_LENGTH = 128;

    private final AuditService audit;

    SignInActivityListener(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void on(SignInFailed failed) {
        audit.record(new AuditEntry(
                failed.occurredAt(),
                actor(failed.username()),
                FAILED,
                null,
                null,
                null,
                Map.of("clientAddress", failed.clientAddress(), "channel", failed.channel())));
    }

    @EventListener
    void on(SignInThrottled throttled) {
        audit.record(new AuditEntry(
                throttled.occurredAt(),
                actor(throttled.username()),
                THROTTLED,
                null,
                null,
                null,
                Map.of(
                        "clientAddress", throttled.clientAddress(),
                        "channel", throttled.channel(),
                        "limit", throttled.limit(),
                        "retryAfterSeconds", throttled.retryAfterSeconds())));
    }

    /** The typed name, cut to fit the column; a blank name is recorded as {@code (blank)}. */
    static String actor(String username) {
        if (username.isBlank()) {
            return "(blank)";
        }
        return username.length() <= ACTOR_LENGTH ? username : username.substring(0, ACTOR_LENGTH - 1) + "…";
    }
}
