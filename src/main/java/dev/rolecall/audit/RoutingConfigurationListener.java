package dev.rolecall.audit;

import dev.rolecall.routing.RoutingConfigured;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the routing configuration a console starts with, when its digest differs from the last one
 * recorded: every change of who reviews what is in the trail, a restart with the same configuration
 * is not.
 */
@Component
class RoutingConfigurationListener {

    /** {@code routing.configured}: the routing configuration changed. */
    static final String CONFIGURED = "routing.configured";

    private final AuditService audit;
    private final AuditEventRepository events;

    RoutingConfigurationListener(AuditService audit, AuditEventRepository events) {
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    void on(RoutingConfigured configured) {
        if (events.lastRoutingDigest().filter(configured.digest()::equals).isPresent()) {
            return;
        }
        audit.record(new AuditEntry(
                configured.occurredAt(),
                "rolecall",
                CONFIGURED,
                null,
                null,
                null,
                Map.of("digest", configured.digest(), "groups", configured.groups(), "rules", configured.rules())));
    }
}
