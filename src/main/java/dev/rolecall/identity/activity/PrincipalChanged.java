package dev.rolecall.identity.activity;

import java.time.Instant;
import java.util.Map;

/**
 * An admin created, disabled or enabled a service account, or disabled or enabled a person who
 * signs in through the provider. Published inside the transaction that made the change.
 *
 * @param action {@code service_account.created}, {@code service_account.disabled},
 *     {@code service_account.enabled}, {@code person.disabled} or {@code person.enabled}
 * @param details what changed, for the audit trail
 */
public record PrincipalChanged(Instant occurredAt, String actor, String action, Map<String, Object> details) {

    public PrincipalChanged {
        details = Map.copyOf(details);
    }
}
