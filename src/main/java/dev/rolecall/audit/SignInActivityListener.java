package dev.rolecall.audit;

import dev.rolecall.identity.SignInFailed;
import dev.rolecall.identity.SignInThrottled;
import dev.rolecall.identity.activity.SignInRefused;
import dev.rolecall.identity.activity.SignedIn;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins: successful ones (form and provider), failed and throttled ones, and provider
 * sign-ins that Rolecall refused. The actor is the name as typed or vouched for (it may belong to
 * nobody), with the client address and channel; a password never reaches the trail. Synchronous,
 * like {@link RequestActivityListener}: a sign-in whose audit row cannot be written fails.
 */
@Component
class SignInActivityListener {

    /** {@code SIGN_IN_FAILED}: a wrong password or an unknown name. */
    static final String FAILED = "sign_in.failed";

    /** {@code SIGN_IN_THROTTLED}: refused without checking the password. */
    static final String THROTTLED = "sign_in.throttled";

    /** {@code SIGN_IN_SUCCEEDED}: a person signed in to the browser console. */
    static final String SUCCEEDED = "sign_in.succeeded";

    /** {@code SIGN_IN_REFUSED}: a sign-in through the organisation's provider ended without a session. */
    static final String REFUSED = "sign_in.refused";

    /** The actor of a refused provider sign-in whose name was never read. */
    static final String UNKNOWN = "(unknown)";

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

    @EventListener
    void on(SignedIn signedIn) {
        audit.record(new AuditEntry(
                signedIn.occurredAt(),
                actor(signedIn.username()),
                SUCCEEDED,
                null,
                null,
                null,
                Map.of(
                        "clientAddress", signedIn.clientAddress(),
                        "channel", signedIn.channel(),
                        "roles", signedIn.roles(),
                        "groups", signedIn.groups())));
    }

    @EventListener
    void on(SignInRefused refused) {
        String username = refused.username();
        audit.record(new AuditEntry(
                refused.occurredAt(),
                username == null ? UNKNOWN : actor(username),
                REFUSED,
                null,
                null,
                null,
                Map.of(
                        "clientAddress", refused.clientAddress(),
                        "channel", "sso",
                        "reason", refused.reason(),
                        "groups", refused.groups())));
    }

    /** The typed name, cut to fit the column; a blank name is recorded as {@code (blank)}. */
    static String actor(String username) {
        if (username.isBlank()) {
            return "(blank)";
        }
        return username.length() <= ACTOR_LENGTH ? username : username.substring(0, ACTOR_LENGTH - 1) + "…";
    }
}
