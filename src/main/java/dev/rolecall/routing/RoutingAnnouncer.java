package dev.rolecall.routing;

import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the audit trail, once the console is up, which routing configuration it runs with. */
@Component
class RoutingAnnouncer {

    private final RoutingConfiguration configuration;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoutingAnnouncer(RoutingConfiguration configuration, ApplicationEventPublisher events, Clock clock) {
        this.configuration = configuration;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        events.publishEvent(new RoutingConfigured(
                clock.instant(),
                configuration.digest(),
                configuration.groups().size(),
                configuration.rules().size()));
    }
}
